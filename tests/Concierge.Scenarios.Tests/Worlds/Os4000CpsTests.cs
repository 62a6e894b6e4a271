using Concierge.Config.Numbers;
using Concierge.Config.Topology;
using Concierge.Media.Simulated;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Tracing;
using Concierge.Scenarios.Network;
using Concierge.Scenarios.Tests.Support;
using Concierge.Scenarios.Topologies;
using Concierge.Scenarios.Worlds.Osv;
using Concierge.Simulators.Os4000;

namespace Concierge.Scenarios.Tests.Worlds;

/// <summary>The product's CPS node on the simulated OpenScape 4000's STMI trunk.</summary>
public sealed class Os4000CpsTests
{
    [Fact]
    public void The_cps_without_a_register_id_registers_at_the_stmi_and_takes_pilot_calls()
    {
        var info = TopologyCatalog.Load(TestRepository.Root, "os4000-example");
        var loop = new SimulatedEventLoop();
        var media = new SimulatedMediaPlane();
        var random = new DeterministicRandom(5);
        var network = TopologyNetwork.Build(info, loop, random.Split("network"), NullTrace.Instance);
        var document = (TopologyDocument)info.Configuration!;
        var config = document.RequireConcierge();
        Assert.Equal("", config.Cps.RegisterId);
        var os4000 = Os4000Simulator.Create(document, network, media, random.Split("os4000"));
        var node = new SimulatedCpsHost("osc1", network.Host(config.Cps.Host), network, loop, media, random.Split("cps"), NullTrace.Instance,
            os4000.Core.SipEndPoint, os4000.Core.CstaEndPoint, new Concierge.Cps.Records.CallRecorder());

        node.Start(config, active: true);
        loop.RunFor(TimeSpan.FromSeconds(5));
        Assert.True(node.Registration!.IsRegistered);
        Assert.True(os4000.IsCpsRegistered);

        os4000.Core.Callers!.Dial("a", "+493011100001", "+4950505809000");
        loop.RunFor(TimeSpan.FromSeconds(2));
        Assert.NotNull(node.Engine!.CallerQueue(E164Number.Parse("+4950505809000"))?.Calls.SingleOrDefault());
        Assert.Equal(1, os4000.StmiChannelsInUse);
    }
}
