using System.Net;
using System.Net.Sockets;
using Concierge.Server.Hosting;
using Concierge.Server.Options;
using Concierge.Server.Pbx;
using Microsoft.AspNetCore.Builder;

namespace Concierge.Server.Tests;

/// <summary>
/// A server on loopback with free ports whose PBX is absent: its registrar is a UDP socket that never answers and its
/// CSTA port refuses connections. Shared by the API tests; stopped in an orderly way at the end.
/// </summary>
public sealed class AbsentPbxServer : IAsyncLifetime
{
    private readonly UdpClient _silentRegistrar = new(new IPEndPoint(IPAddress.Loopback, 0));
    private WebApplication? _app;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    public async Task InitializeAsync()
    {
        var refusing = new TcpListener(IPAddress.Loopback, 0);
        refusing.Start();
        var cstaPort = ((IPEndPoint)refusing.LocalEndpoint).Port;
        refusing.Stop();
        var registrar = (IPEndPoint)_silentRegistrar.Client.LocalEndPoint!;
        var config = ServerConfiguration.Build(
        [
            "--dev", "--topology", Path.Combine(TestTopology.Directory, "osv-example.yaml"),
            "--sip-listen", "127.0.0.1:0", "--http-listen", "127.0.0.1:0",
            "--registrar", registrar.ToString(), "--csta", $"127.0.0.1:{cstaPort}",
        ], appSettingsFile: null, readEnvironment: false);
        var options = ServerOptionsReader.Read(config);
        _app = ServerApp.Build(options, ServerTopology.Load(options, TestTopology.Directory), config);
        await _app.StartAsync();
        Http.BaseAddress = ServerApp.HttpAddress(_app);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _silentRegistrar.Dispose();
    }
}
