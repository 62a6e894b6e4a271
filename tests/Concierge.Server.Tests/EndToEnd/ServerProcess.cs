using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Concierge.Server.Tests.EndToEnd;

/// <summary>
/// The server as its own process (the build's concierge-server.dll next to the tests, run by <c>dotnet</c>), on a
/// free HTTP port of loopback; its output is kept (the last lines) for a failing test's message.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private const int KeptLines = 400;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServerProcess(Process process, int httpPort)
    {
        _process = process;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(5) };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Without a token: health and metrics.</summary>
    public HttpClient Http { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The last lines the process wrote.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>Starts the server in <paramref name="directory"/> with <paramref name="args"/> and <c>--http-listen</c> on a free port.</summary>
    public static ServerProcess Start(string directory, params string[] args)
    {
        var httpPort = FreeTcpPort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "concierge-server.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.ArgumentList.Add("--http-listen");
        start.ArgumentList.Add($"127.0.0.1:{httpPort}");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        return new ServerProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"), httpPort);
    }

    /// <summary>The value of a Prometheus sample (e.g. <c>concierge_call_records_stored_total</c>), or null while the server does not answer.</summary>
    public async Task<double?> MetricAsync(string name)
    {
        try
        {
            var text = await Http.GetStringAsync("/metrics");
            foreach (var line in text.Split('\n'))
                if (line.StartsWith(name + " ", StringComparison.Ordinal)
                    && double.TryParse(line[(name.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var value)) return value;
            return null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>kill -9: the process ends at once, nothing runs in it any more.</summary>
    public void KillHard()
    {
        _process.Kill();
        _process.WaitForExit(5_000);
    }

    /// <summary>SIGTERM, then waits up to <paramref name="bound"/> for the exit; true when it exited.</summary>
    public bool Terminate(TimeSpan bound)
    {
        if (!_process.HasExited && SendSignal(_process.Id, 15) != 0) throw new InvalidOperationException($"SIGTERM to {_process.Id} failed");
        return _process.WaitForExit(bound);
    }

    public void Dispose()
    {
        Http.Dispose();
        if (!_process.HasExited) _process.Kill();
        _process.WaitForExit(5_000);
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > KeptLines) _output.TryDequeue(out _);
    }

    private static int FreeTcpPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
