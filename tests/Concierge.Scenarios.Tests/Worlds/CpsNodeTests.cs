using Concierge.Config.Model;
using Concierge.Config.Numbers;
using Concierge.Config.Topology;
using Concierge.Cps.Engine;
using Concierge.Cps.Records;
using Concierge.Cps.Trunk;
using Concierge.Media.Simulated;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Tracing;
using Concierge.Scenarios.Network;
using Concierge.Scenarios.Tests.Support;
using Concierge.Scenarios.Topologies;
using Concierge.Scenarios.Worlds.Osv;
using Concierge.Simulators.Osv;
using Concierge.Simulators.Osv.Dns;
using Concierge.Sip.Registration;

namespace Concierge.Scenarios.Tests.Worlds;

/// <summary>The world's CPS node against the simulated OSV: config mode, and the registrar found by DNS SRV.</summary>
public sealed class CpsNodeTests
{
    private const string Endpoint = "CPS001";
    private static readonly E164Number Attendant = E164Number.Parse("+4950505807580");

    private sealed class NodeWorld
    {
        public NodeWorld(string topology, bool withDns = false)
        {
            var info = TopologyCatalog.Load(TestRepository.Root, topology);
            var random = new DeterministicRandom(3);
            Network = TopologyNetwork.Build(info, Loop, random.Split("network"), NullTrace.Instance);
            var document = (TopologyDocument)info.Configuration!;
            Config = document.RequireConcierge();
            Osv = OsvSimulator.Create(document, Network, Media, random.Split("osv"));
            var resolver = withDns && Osv.Config.GeoSeparation is { } geo
                ? new SimulatedSipResolver(Loop, random.Split("dns")).AddOsvNodes(Osv.Dns, geo.Zone)
                : null;
            Node = new SimulatedCpsHost("osc1", Network.Host(Config.Cps.Host), Network, Loop, Media, random.Split("cps"), NullTrace.Instance,
                Osv.SipEndPoint, Osv.CstaEndPoint, Records, resolver);
        }

        public CallRecorder Records { get; } = new();
        public SimulatedEventLoop Loop { get; } = new();
        public SimulatedMediaPlane Media { get; } = new();
        public Runtime.Transports.Simulated.SimulatedNetwork Network { get; }
        public ConciergeConfig Config { get; }
        public OsvSimulator Osv { get; }
        public SimulatedCpsHost Node { get; }
    }

    [Fact]
    public void In_config_mode_the_CPS_does_not_register_and_attendants_get_the_config_mode_error()
    {
        var world = new NodeWorld("osv-example");

        world.Node.Start(world.Config, active: true, CpsStartMode.ConfigMode);
        world.Loop.RunFor(TimeSpan.FromMinutes(2));

        Assert.True(world.Node.IsRunning);
        Assert.True(world.Node.IsInConfigMode);
        Assert.Equal(0, world.Node.Registration!.Attempts);
        Assert.Equal(TrunkRegistrationState.Idle, world.Node.Registration.State);
        Assert.False(world.Osv.IsRegistered(Endpoint));
        var logOn = world.Node.Engine!.LogOn(Attendant);
        Assert.Equal(CpsEngine.ConfigModeRefusal, logOn.Error);
        Assert.Equal(1, world.Node.Engine.CommandsRefusedInConfigMode);
    }

    [Fact]
    public void Config_mode_survives_promotion_and_configuration_changes()
    {
        var world = new NodeWorld("osv-example");
        world.Node.Start(world.Config, active: true, CpsStartMode.ConfigMode);

        world.Node.Promote();
        var changed = world.Config with { Cps = world.Config.Cps with { RegisterInterval = TimeSpan.FromSeconds(310) } };
        Assert.True(world.Node.Engine!.ValidateConfiguration(changed).IsValid);
        world.Node.Reconfigure(changed);
        world.Loop.RunFor(TimeSpan.FromMinutes(1));

        Assert.True(world.Node.IsInConfigMode);
        Assert.Equal(TimeSpan.FromSeconds(310), world.Node.Engine!.Configuration.Cps.RegisterInterval);
        Assert.False(world.Node.Engine.IsActive);
        Assert.Equal(0, world.Node.Registration!.Attempts);
        Assert.False(world.Osv.IsRegistered(Endpoint));
    }

    [Fact]
    public void A_restart_without_config_mode_registers_and_takes_attendant_commands()
    {
        var world = new NodeWorld("osv-example");
        world.Node.Start(world.Config, active: true, CpsStartMode.ConfigMode);
        world.Loop.RunFor(TimeSpan.FromSeconds(10));
        Assert.False(world.Osv.IsRegistered(Endpoint));

        world.Node.Crash();
        world.Node.Start(world.Config, active: true);

        Assert.True(world.Loop.RunUntil(() => world.Osv.IsRegistered(Endpoint), TimeSpan.FromSeconds(10)));
        Assert.False(world.Node.IsInConfigMode);
        Assert.True(world.Node.Engine!.LogOn(Attendant).Succeeded);
    }

    [Fact]
    public void A_topology_host_as_registrar_keeps_the_fixed_OSV_address_without_DNS()
    {
        var world = new NodeWorld("osv-example");
        world.Node.Start(world.Config, active: true);

        Assert.True(world.Loop.RunUntil(() => world.Osv.IsRegistered(Endpoint), TimeSpan.FromSeconds(10)));
        Assert.False(world.Node.Registrar!.UsesDns);
        Assert.Equal(world.Osv.SipEndPoint, world.Node.Trunk!.NextHop!.Address);
    }

    [Fact]
    public void With_a_geo_separated_OSV_the_CPS_registers_by_SRV_and_fails_over_to_the_next_node()
    {
        var world = new NodeWorld("osv-geo", withDns: true);
        world.Node.Start(world.Config, active: true);

        Assert.True(world.Loop.RunUntil(() => world.Osv.IsRegistered(Endpoint), TimeSpan.FromSeconds(10)));
        Assert.True(world.Node.Registrar!.UsesDns);
        Assert.Equal("osvnode2", world.Osv.Registrar.Current(Endpoint)!.Node);

        world.Network.Cut("osv2", "cps");
        Assert.True(world.Loop.RunUntil(() => world.Osv.Registrar.Current(Endpoint)?.Node == "osvnode1", TimeSpan.FromMinutes(10)));
        world.Loop.RunFor(TimeSpan.FromSeconds(1)); // the 200 on its way back
        Assert.Equal("osvnode1.osvcluster.com", world.Node.Registration!.RegisteredAt!.Host);
        Assert.Equal(world.Osv.Dns.ResolveSrv(SimulatedDns.SipService("osvcluster.com"))[1].EndPoint, world.Node.Trunk!.NextHop!.Address);
    }
}
