using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Concierge.Store;
using Concierge.Store.CallRecords;

namespace Concierge.Interop.Tests.Support;

/// <summary>
/// The Concierge server as its own process (the build next to the test binaries), SIP only (<c>--no-csta</c>), with
/// Kamailio as its registrar, a SQLite database in a temp folder and <c>--dev</c> (whose administrator password
/// it prints once). It can be stopped in order (SIGTERM), killed (SIGKILL) and started again on the same database and
/// ports. The call records are read from its database.
/// </summary>
internal sealed class ConciergeServerProcess : IDisposable
{
    private readonly DirectoryInfo _folder;
    private readonly string[] _arguments;
    private readonly HttpClient _http;
    private ChildProcess? _process;
    private string? _password;

    private ConciergeServerProcess(DirectoryInfo folder, string[] arguments, int sipPort, int httpPort)
    {
        _folder = folder;
        _arguments = arguments;
        SipPort = sipPort;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public int SipPort { get; }

    public string Database => Path.Combine(_folder.FullName, "concierge.db");

    public string Output => _process?.Output ?? "(not started)";

    public bool HasExited => _process?.HasExited ?? true;

    /// <summary>Starts the server with <paramref name="topology"/> registering at 127.0.0.1:<paramref name="registrarPort"/>; waits until it is ready.</summary>
    public static async Task<ConciergeServerProcess> StartAsync(string topology, int registrarPort)
    {
        var folder = Directory.CreateTempSubdirectory("concierge-server-");
        var sip = LoopbackPorts.TcpAndUdp();
        var http = LoopbackPorts.Tcp();
        string[] arguments =
        [
            "--dev", "--no-csta", "--topology", topology, "--db", Path.Combine(folder.FullName, "concierge.db"),
            "--sip-listen", $"127.0.0.1:{sip}", "--http-listen", $"127.0.0.1:{http}", "--registrar", $"127.0.0.1:{registrarPort}",
        ];
        var server = new ConciergeServerProcess(folder, arguments, sip, http);
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the (stopped or killed) server again on the same database and ports; waits until it is ready.</summary>
    public async Task StartAgainAsync()
    {
        _process?.Dispose();
        var binary = Path.Combine(AppContext.BaseDirectory, "concierge-server.dll");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        _process = ChildProcess.Start("concierge-server", dotnet, [binary, .. _arguments], _folder.FullName);
        if (_password is null)
        {
            var line = await _process.WaitForLineAsync(l => l.Contains("with the password ", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
            _password = line[(line.IndexOf("with the password ", StringComparison.Ordinal) + "with the password ".Length)..].Split(' ')[0];
        }
        await WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
    }

    private async Task WaitUntilReadyAsync(TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited) Assert.Fail($"the server ended with exit code {_process.ExitCode}\n{Output}");
            try
            {
                using var answer = await _http.GetAsync("health/ready");
                if (answer.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
        Assert.Fail($"the server was not ready (registered at Kamailio) within {limit}\n{Output}");
    }

    /// <summary>Logs on <paramref name="devices"/> as available attendants through the HTTP API.</summary>
    public async Task LogOnAttendantsAsync(IEnumerable<string> devices)
    {
        using var logon = await _http.PostAsJsonAsync("api/logon", new { account = "DEFAULT\\dev", password = _password });
        Assert.True(logon.IsSuccessStatusCode, $"POST /api/logon: {(int)logon.StatusCode} {await logon.Content.ReadAsStringAsync()}");
        var token = (await logon.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        foreach (var device in devices)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"api/attendants/{Uri.EscapeDataString(device)}/logon")
            {
                Content = JsonContent.Create(new { available = true }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var answer = await _http.SendAsync(request);
            Assert.True(answer.IsSuccessStatusCode, $"logon of {device}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>A counter of the server's /metrics, e.g. <c>concierge_sip_handler_faults_total</c>.</summary>
    public async Task<double> MetricAsync(string name)
    {
        var text = await _http.GetStringAsync("metrics");
        foreach (var line in text.Split('\n'))
            if (line.StartsWith(name + " ", StringComparison.Ordinal))
                return double.Parse(line[(name.Length + 1)..], CultureInfo.InvariantCulture);
        throw new KeyNotFoundException($"/metrics has no {name}");
    }

    /// <summary>The call records in the server's database, oldest first.</summary>
    public IReadOnlyList<StoredCallRecord> CallRecords()
    {
        var store = ConciergeStore.Open(StoreLocation.Parse("--db", Database, _folder.FullName));
        return store.CallRecords(limit: 100_000);
    }

    /// <summary>Waits until the database holds <paramref name="count"/> call records (each is written when its call ends).</summary>
    public async Task<IReadOnlyList<StoredCallRecord>> WaitForCallRecordsAsync(int count, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        var records = CallRecords();
        while (records.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            records = CallRecords();
        }
        return records;
    }

    /// <summary>An orderly stop (SIGTERM: the registration is withdrawn); waits for the exit.</summary>
    public async Task StopAsync()
    {
        _process!.Terminate();
        Assert.True(await _process.WaitForExitAsync(TimeSpan.FromSeconds(15)), "the server did not stop on SIGTERM\n" + Output);
        Assert.Equal(0, _process.ExitCode);
    }

    /// <summary>kill -9: the registration stays at the registrar until it expires.</summary>
    public async Task KillAsync()
    {
        _process!.KillHard();
        Assert.True(await _process.WaitForExitAsync(TimeSpan.FromSeconds(10)), "the server did not die on SIGKILL");
    }

    public void Dispose()
    {
        _process?.Dispose();
        _http.Dispose();
        ConciergeStore.ReleaseFiles();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // the temp folder goes with the system's cleaning
        }
    }
}
