using System.Net;
using Concierge.Csta.Server;
using Concierge.Csta.Session;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Tracing;
using Concierge.Runtime.Transports.Simulated;

namespace Concierge.Csta.Tests.Session;

public sealed class GeoSeparatedOsvTests
{
    [Fact]
    public void Session_moves_to_the_other_osv_node_when_its_node_is_unreachable_and_back_again()
    {
        var loop = new SimulatedEventLoop();
        var trace = new TraceLog(loop.Clock);
        var network = new SimulatedNetwork(loop, new DeterministicRandom(9), trace);
        var concierge = network.AddHost("concierge", IPAddress.Parse("192.0.2.10"));
        var node1 = network.AddHost("osv1", IPAddress.Parse("198.51.100.1"));
        var node2 = network.AddHost("osv2", IPAddress.Parse("198.51.100.2"));
        network.SetAllLinks(LinkProfile.Lan);
        var server2 = new CstaServerListener(node2, 1040, new CstaRequestDispatcher(), trace: trace, loop: loop, idleTimeout: TimeSpan.FromSeconds(30));

        var options = new CstaClientOptions(new IPEndPoint(node1.Address, 1040)) { AlternativeEndpoints = [new IPEndPoint(node2.Address, 1040)] };
        var session = new CstaClientSession(loop, concierge, options, trace: trace);
        session.Monitor("3001");
        session.Start();
        Assert.True(loop.RunUntil(() => session.State == CstaLinkState.Ready && session.Monitors.All(m => m.Status == MonitorStatus.Active), TimeSpan.FromSeconds(30)),
            string.Join("\n", trace.RecentLines()));
        Assert.Equal(node2.Address, session.CurrentEndpoint.Address);
        Assert.Equal(1, server2.Publisher.Count);

        var server1 = new CstaServerListener(node1, 1040, new CstaRequestDispatcher(), trace: trace, loop: loop, idleTimeout: TimeSpan.FromSeconds(30));
        network.Crash("osv2");
        Assert.True(loop.RunUntil(() => session.State == CstaLinkState.Ready && session.CurrentEndpoint.Address.Equals(node1.Address)
            && session.Monitors.All(m => m.Status == MonitorStatus.Active), TimeSpan.FromMinutes(2)), string.Join("\n", trace.RecentLines()));
        Assert.Equal(1, server1.Publisher.Count);
    }
}
