using System.Net;
using System.Net.Sockets;
using System.Text;
using Concierge.Server.Hosting;
using Concierge.Server.Options;
using Concierge.Server.Pbx;

namespace Concierge.Server.Tests;

/// <summary>
/// The server's trunk on real UDP sockets and the system clock against a one-socket registrar in the test: the
/// REGISTER arrives, a 200 OK registers the trunk (the metrics say so), and an orderly stop withdraws it with
/// Expires: 0. Every wait is bounded.
/// </summary>
public sealed class RegistrarOnSocketTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_trunk_registers_over_udp_and_a_stop_unregisters()
    {
        using var registrar = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var files = new TestServerFiles();
        string[] args =
        [
            "--dev", "--topology", files.Topology("osv-example"), "--db", files.Database,
            "--sip-listen", "127.0.0.1:0", "--http-listen", "127.0.0.1:0",
            "--registrar", registrar.Client.LocalEndPoint!.ToString()!, "--csta", "127.0.0.1:1",
        ];
        var config = ServerConfiguration.Build(args, appSettingsFile: null, readEnvironment: false);
        var options = files.Options(args);
        var store = ServerStartup.OpenStore(options);
        await using var app = ServerApp.Build(options, ServerTopology.Load(options, files.Directory), config, store);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = ServerApp.HttpAddress(app), Timeout = Bound };

        var (register, from) = await Receive(registrar, text => text.StartsWith("REGISTER ", StringComparison.Ordinal));
        Assert.Contains("CPS1", register, StringComparison.Ordinal);
        await registrar.SendAsync(Encoding.ASCII.GetBytes(Ok(register)), from);
        // Polls (bounded) until the loop has handled the response; no assertion on how long that took.
        var registered = false;
        using (var patience = new CancellationTokenSource(Bound))
            while (!registered && !patience.IsCancellationRequested)
            {
                registered = (await http.GetStringAsync("/metrics")).Contains("concierge_trunk_registered 1\n", StringComparison.Ordinal);
                if (!registered) await Task.Delay(TimeSpan.FromMilliseconds(20));
            }
        Assert.True(registered, "the trunk did not register after the 200 OK");
        Assert.Contains("concierge_trunk_registered 1\n", await http.GetStringAsync("/metrics"), StringComparison.Ordinal);

        await app.StopAsync();
        var (unregister, _) = await Receive(registrar, text => text.StartsWith("REGISTER ", StringComparison.Ordinal) && IsExpiresZero(text));
        Assert.Contains("CPS1", unregister, StringComparison.Ordinal);
    }

    private static bool IsExpiresZero(string text) =>
        text.Contains("Expires: 0\r\n", StringComparison.OrdinalIgnoreCase) || text.Contains("expires=0", StringComparison.OrdinalIgnoreCase);

    private static async Task<(string Text, IPEndPoint From)> Receive(UdpClient socket, Func<string, bool> wanted)
    {
        using var timeout = new CancellationTokenSource(Bound);
        for (var guard = 0; guard < 100; guard++)
        {
            var datagram = await socket.ReceiveAsync(timeout.Token);
            var text = Encoding.ASCII.GetString(datagram.Buffer);
            if (wanted(text)) return (text, datagram.RemoteEndPoint);
        }
        throw new InvalidOperationException("no wanted datagram among 100");
    }

    /// <summary>A 200 OK to <paramref name="request"/>: its Via, From, Call-ID, CSeq and Contact, a tagged To, Expires 305.</summary>
    private static string Ok(string request)
    {
        var lines = request.Split("\r\n");
        string Header(string name) => lines.First(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase));
        var response = new StringBuilder("SIP/2.0 200 OK\r\n");
        foreach (var via in lines.Where(l => l.StartsWith("Via:", StringComparison.OrdinalIgnoreCase))) response.Append(via).Append("\r\n");
        response.Append(Header("From")).Append("\r\n");
        response.Append(Header("To")).Append(";tag=registrar1\r\n");
        response.Append(Header("Call-ID")).Append("\r\n");
        response.Append(Header("CSeq")).Append("\r\n");
        response.Append(Header("Contact")).Append("\r\n");
        response.Append("Expires: 305\r\nContent-Length: 0\r\n\r\n");
        return response.ToString();
    }
}
