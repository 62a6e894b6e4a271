using System.Net;
using Concierge.Csta.Session;
using Concierge.Runtime.Randomness;
using Concierge.Simulators.Osv.Dns;
using Concierge.Simulators.Tests.Support;

namespace Concierge.Simulators.Tests.Osv;

public sealed class GeoSeparationTests
{
    private const string Zone = "osvcluster.com";

    private static OsvWorld GeoWorld(ulong seed) => new(OsvWorld.Variant("""
        extends: osv-example
        name: variant
        network:
          hosts:
            osv2: 192.0.2.11
        osv:
          geoSeparation:
            zone: osvcluster.com
            nodes:
              osvnode1: { host: osv, priority: 0, weight: 0 }
              osvnode2: { host: osv2, priority: 1, weight: 0 }
        """), seed);

    [Fact]
    public void DNS_SRV_lists_both_nodes_by_priority_for_SIP_and_CSTA()
    {
        var world = GeoWorld(71);
        var sip = world.Osv.Dns.ResolveSrv(SimulatedDns.SipService(Zone));
        Assert.Equal([new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5060), new IPEndPoint(IPAddress.Parse("192.0.2.11"), 5060)], sip.Select(s => s.EndPoint));
        var csta = world.Osv.Dns.ResolveSrv(SimulatedDns.CstaService("OSVCluster.com"));
        Assert.Equal([0, 1], csta.Select(s => s.Record.Priority));
        Assert.All(csta, s => Assert.Equal(1040, s.EndPoint.Port));
    }

    [Fact]
    public void With_the_first_node_down_CPS_registers_and_works_through_the_second()
    {
        var world = GeoWorld(72);
        world.Network.Crash("osv");
        var targets = world.Osv.Dns.ResolveSrv(SimulatedDns.SipService(Zone));

        // The endpoint tries the SRV targets in order: the first does not answer, the second does.
        world.Cps.Registrar = targets[0].EndPoint;
        world.Cps.Register(TimeSpan.FromSeconds(305));
        world.Run(TimeSpan.FromSeconds(40));
        Assert.Equal(408, world.Cps.LastRegisterStatus);
        world.Cps.Registrar = targets[1].EndPoint;
        world.RegisterCps();
        Assert.Equal(200, world.Cps.LastRegisterStatus);
        Assert.Equal("osvnode2", world.Osv.Registrar.Current("CPS001")!.Node);

        world.Cps.Call("+4950505807001", "+4950505807580");
        world.Run(TimeSpan.FromSeconds(1));
        Assert.True(world.Phone("7001").IsRinging);
        world.Phone("7001").Answer();
        world.Run(TimeSpan.FromSeconds(1));
        Assert.True(world.Phone("7001").IsConnected);

        var cstaTargets = world.Osv.Dns.ResolveSrv(SimulatedDns.CstaService(Zone));
        var host = world.Network.Hosts.First(h => h.Name == "cps");
        var session = new CstaClientSession(world.Loop, host, new CstaClientOptions(cstaTargets[1].EndPoint), new DeterministicRandom(3), world.Trace);
        session.Start();
        Assert.True(world.Loop.RunUntil(() => session.State == CstaLinkState.Ready, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Calls_to_an_endpoint_registered_at_the_second_node_leave_from_that_node()
    {
        var world = GeoWorld(73);
        world.Cps.Registrar = world.Osv.Dns.ResolveSrv(SimulatedDns.SipService(Zone))[1].EndPoint;
        world.RegisterCps();
        world.Callers.Dial("c1", "+493011100001", "+4950505803201");
        world.Run(TimeSpan.FromSeconds(1));
        var invite = Assert.Single(world.Cps.Incoming);
        Assert.Equal(IPAddress.Parse("192.0.2.11"), invite.Owner.PeerOf(invite)!.Address.Address);
    }

    [Fact]
    public void Node_priorities_must_differ()
    {
        var document = OsvWorld.Variant("""
            extends: osv-example
            name: variant
            network:
              hosts:
                osv2: 192.0.2.11
            osv:
              geoSeparation:
                zone: osvcluster.com
                nodes:
                  osvnode1: { host: osv, priority: 0 }
                  osvnode2: { host: osv2, priority: 0 }
            """);
        Concierge.Simulators.Osv.Configuration.OsvConfigReader.Read(document, out var errors);
        Assert.Contains(errors, e => e.Contains("priorities must differ", StringComparison.Ordinal));
    }
}
