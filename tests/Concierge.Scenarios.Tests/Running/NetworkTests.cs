using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Tracing;
using Concierge.Scenarios.StepLanguage;
using Concierge.Scenarios.Faults;
using Concierge.Scenarios.Features;
using Concierge.Scenarios.Network;
using Concierge.Scenarios.Running;
using Concierge.Scenarios.Systems;
using Concierge.Scenarios.Tests.Support;
using Concierge.Scenarios.Topologies;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Tests.Running;

/// <summary>The topology's simulated network exists before any engine: network steps and fault profiles act on it.</summary>
public sealed class NetworkTests
{
    private static SimulatedNetworkFaults Faults(string topology)
    {
        var loop = new SimulatedEventLoop();
        var info = TopologyCatalog.Load(TestRepository.Root, topology);
        return new SimulatedNetworkFaults(TopologyNetwork.Build(info, loop, new DeterministicRandom(1), NullTrace.Instance));
    }

    [Fact]
    public void The_network_has_the_topology_hosts_and_link_profiles()
    {
        var faults = Faults("osbiz-unifyphone");
        var network = faults.Network;
        Assert.Contains(network.Hosts, h => h.Name == "osbiz");
        var cloud = network.Hosts.Single(h => h.Name == "unifyPhoneCloud");
        Assert.Equal(TimeSpan.FromMilliseconds(20), network.LinkProfileOf("osbiz", cloud.Name).Latency);
        Assert.Equal(TimeSpan.FromMilliseconds(1), network.LinkProfileOf("osbiz", network.Hosts.First(h => h.Name != "osbiz" && h.Name != cloud.Name).Name).Latency);
    }

    [Fact]
    public void Loss_delay_cut_and_restore_change_the_links()
    {
        var faults = Faults("osv-example");
        faults.SetLoss("osv", "cps", 5);
        faults.SetDelay("osv", "cps", TimeSpan.FromMilliseconds(300));
        var profile = faults.Network.LinkProfileOf("cps", "osv");
        Assert.Equal(5, profile.LossPercent);
        Assert.Equal(TimeSpan.FromMilliseconds(300), profile.Latency);
        faults.Cut("osv", "cps");
        Assert.True(faults.Network.IsCut("cps", "osv"));
        faults.Restore("osv", "cps");
        Assert.False(faults.Network.IsCut("osv", "cps"));
        faults.ApplyToEveryLink(new LinkFaults(TimeSpan.FromMilliseconds(20), TimeSpan.Zero, 3, 1, 1));
        Assert.Equal(3, faults.Network.LinkProfileOf("osv", "pstn").LossPercent);
    }

    [Fact]
    public void Network_steps_run_and_fault_profiles_apply_to_every_link()
    {
        var feature = FeatureParser.Parse("features/n.feature", """
            Feature: N
              Scenario: S
                Given the topology "osv-standby"
                And the network between "osv" and "osc2" loses 5% of packets
                And the network between "osv" and "cps" delays packets by 200 ms
                When the network between "osv" and "cps" is cut
                And 10 seconds pass
                And the network between "osv" and "cps" is restored
                Then no call is lost
            """);
        var profile = FaultProfileLoader.Load(TestRepository.Root, "lossy");
        // The bare network system, so that the trace tail is the network's and not the switch's traffic.
        var runner = new ScenarioRunner(StepCatalog.FromAssembly(typeof(ScenarioWorld).Assembly), new ScenarioEnvironment(TestRepository.Root, profile, new ScenarioSystemCatalog([])));
        var result = runner.Run(feature.Cases.Single(), 1);
        Assert.Equal(ScenarioStatus.Passed, result.Status);
        Assert.Contains(result.TraceTail, l => l.Contains("fault profile lossy applied to every link", StringComparison.Ordinal));
    }
}
