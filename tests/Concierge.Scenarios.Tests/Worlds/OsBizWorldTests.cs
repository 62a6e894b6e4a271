using Concierge.Scenarios.Systems;
using Concierge.Scenarios.Tests.Support;
using Concierge.Scenarios.Topologies;
using Concierge.Scenarios.World;
using Concierge.Scenarios.Worlds.OsBiz;

namespace Concierge.Scenarios.Tests.Worlds;

/// <summary>The OpenScape Business + Unify Phone world: built for osbiz-unifyphone only, booted with its trunk registered.</summary>
public sealed class OsBizWorldTests
{
    [Fact]
    public void The_factory_builds_osbiz_unifyphone_and_no_osv_topology()
    {
        var factory = new OsBizWorldFactory();
        Assert.True(factory.Supports(TopologyCatalog.Load(TestRepository.Root, "osbiz-unifyphone")));
        Assert.False(factory.Supports(TopologyCatalog.Load(TestRepository.Root, "osv-unifyphone")));
        Assert.False(factory.Supports(TopologyCatalog.Load(TestRepository.Root, "osv-example")));
    }

    [Fact]
    public void The_world_boots_with_the_trunk_registered_and_offers_the_unify_phone_capabilities()
    {
        var world = new ScenarioWorld(5, new ScenarioEnvironment(TestRepository.Root, null, ScenarioSystemCatalog.Standard));
        world.UseTopology(TopologyCatalog.Load(TestRepository.Root, "osbiz-unifyphone"));
        var system = world.System;
        var site = Assert.IsAssignableFrom<IUnifyPhoneSite>(system.UnifyPhone);
        Assert.True(site.IsTrunkRegistered("osbiz"));
        Assert.Equal("Available", site.ConnectorStatus);
        Assert.Equal("Active", site.JwtStatus);
        Assert.Equal("855004923026672131", site.CallNumberOf("2131"));
        Assert.NotNull(system.Callers);
        Assert.NotNull(system.Phones);
        Assert.NotNull(system.Network);
        Assert.Null(system.Cps);
        Assert.Null(system.Attendants);
        Assert.Empty(world.BrokenInvariants());
    }

    [Fact]
    public void Osv_worlds_expose_their_unify_phone_clients()
    {
        var world = new ScenarioWorld(5, new ScenarioEnvironment(TestRepository.Root, null, ScenarioSystemCatalog.Standard));
        world.UseTopology(TopologyCatalog.Load(TestRepository.Root, "osv-unifyphone"));
        var clients = Assert.IsAssignableFrom<IUnifyPhoneClients>(world.System);
        Assert.Throws<ArgumentException>(() => clients.SetClientAvailable("+4950505807580", false)); // a desk phone, no Unify Phone
    }
}
