using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Concierge.Server.Hosting;
using Concierge.Server.Options;
using Concierge.Server.Pbx;
using Concierge.Simulators.Emulator;
using Concierge.Store;
using Concierge.Store.Accounts;
using Microsoft.AspNetCore.Builder;

namespace Concierge.Server.Tests.EndToEnd;

/// <summary>
/// The server in process and the PBX emulator (osv-example's simulated OSV) on loopback, real sockets and the system
/// clock, free ports: the server registers at the emulator's SIP port and opens its CSTA link; the account
/// DEFAULT\alice (user) with <see cref="Password"/> exists. <see cref="StartAsync"/> returns once the server is ready
/// (trunk registered, CSTA link up), bounded.
/// </summary>
public sealed class EmulatedPbxServer : IAsyncDisposable
{
    public const string Password = "correct horse battery";
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private readonly TestServerFiles _files = new();
    private WebApplication? _app;

    private EmulatedPbxServer(PbxEmulator pbx) => Pbx = pbx;

    public PbxEmulator Pbx { get; }

    public ConciergeStore Store { get; private set; } = null!;

    public HttpClient Anonymous { get; } = new() { Timeout = Bound };

    public static async Task<EmulatedPbxServer> StartAsync()
    {
        var pbx = await PbxEmulator.StartAsync(new PbxEmulatorOptions { Topology = "osv-example" });
        var server = new EmulatedPbxServer(pbx);
        try
        {
            await server.StartServerAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task StartServerAsync()
    {
        _files.AddAccount("DEFAULT\\alice", AccountRole.User, Password);
        string[] args =
        [
            "--topology", _files.Topology("osv-example"), "--db", _files.Database,
            "--sip-listen", "127.0.0.1:0", "--http-listen", "127.0.0.1:0",
            "--registrar", Pbx.Sip.ToString(), "--csta", Pbx.Csta.ToString(),
        ];
        var config = ServerConfiguration.Build(args, appSettingsFile: null, readEnvironment: false);
        var options = _files.Options(args);
        Store = ServerStartup.OpenStore(options);
        var topology = ServerStartup.ChooseConfiguration(Store, ServerTopology.Load(options, _files.Directory), TimeProvider.System, []);
        _app = ServerApp.Build(options, topology, config, Store);
        await _app.StartAsync();
        Anonymous.BaseAddress = ServerApp.HttpAddress(_app);
        await Until(async () =>
        {
            using var ready = await Anonymous.GetAsync("/health/ready");
            return ready.StatusCode == HttpStatusCode.OK;
        }, "the server is ready (registered at the emulator, CSTA link up)");
    }

    /// <summary>A client carrying a fresh token of DEFAULT\alice.</summary>
    public async Task<HttpClient> LogOnAsync()
    {
        var client = new HttpClient { BaseAddress = Anonymous.BaseAddress, Timeout = Bound };
        using var response = await Anonymous.PostAsJsonAsync("/api/logon", new { account = "DEFAULT\\alice", password = Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("token").GetString());
        return client;
    }

    /// <summary>Polls <paramref name="condition"/> every 20 ms until it holds; a <see cref="TimeoutException"/> naming <paramref name="what"/> after <see cref="Bound"/>.</summary>
    public static async Task Until(Func<Task<bool>> condition, string what)
    {
        using var patience = new CancellationTokenSource(Bound);
        while (!await condition())
        {
            if (patience.IsCancellationRequested) throw new TimeoutException($"not within {Bound.TotalSeconds} s: {what}");
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    public async ValueTask DisposeAsync()
    {
        Anonymous.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        await Pbx.DisposeAsync();
        _files.Dispose();
    }
}
