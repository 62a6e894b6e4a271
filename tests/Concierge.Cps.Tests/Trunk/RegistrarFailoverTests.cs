using System.Net;
using Concierge.Cps.Trunk;
using Concierge.Sip.Registration;
using Concierge.Sip.Transport;

namespace Concierge.Cps.Tests.Trunk;

/// <summary>The CPS trunk finds its registrar by DNS SRV and fails over by priority (DOMAIN §4, C 4.6, C 6.3.1.3).</summary>
public sealed class RegistrarFailoverTests
{
    private static readonly TimeSpan NoAnswerTimeout = TimeSpan.FromSeconds(32); // SIP timer F (64 × T1)

    [Fact]
    public void A_domain_is_resolved_by_SRV_and_the_CPS_registers_at_the_lowest_priority_target()
    {
        var world = new RegistrarWorld();
        world.AddNode("osv2", "192.0.2.12", priority: 20); // listed first, tried second
        world.AddNode("osv1", "192.0.2.11", priority: 10);
        var targets = world.ByDns();
        var registration = world.Registration(targets);

        registration.Start();
        Assert.Equal(TrunkRegistrationState.Resolving, registration.State);
        Assert.True(world.Loop.RunUntil(() => registration.IsRegistered, TimeSpan.FromSeconds(5)));

        Assert.True(targets.UsesDns);
        Assert.Equal(["osv1.osvcluster.example", "osv2.osvcluster.example"], targets.Targets.Select(t => t.Host));
        Assert.Equal([10, 20], targets.Targets.Select(t => t.Priority));
        Assert.Equal("osv1.osvcluster.example", registration.RegisteredAt!.Host);
        Assert.Equal(TrunkRegistrationState.Registered, registration.State);
        Assert.True(world.IsBoundAt("osv1"));
        Assert.False(world.IsBoundAt("osv2"));
        Assert.Equal(1, world.Resolver.Lookups);
    }

    [Fact]
    public void Within_one_priority_the_weights_decide_the_order_and_every_target_is_listed_once()
    {
        var world = new RegistrarWorld();
        world.AddNode("osv1", "192.0.2.11", priority: 10, weight: 90);
        world.AddNode("osv2", "192.0.2.12", priority: 10, weight: 10);
        world.AddNode("osv3", "192.0.2.13", priority: 5);
        var targets = world.ByDns();
        targets.Refresh(_ => { });
        world.Loop.RunUntilIdle();

        Assert.Equal("osv3.osvcluster.example", targets.Targets[0].Host);
        Assert.Equal(["osv1.osvcluster.example", "osv2.osvcluster.example"], targets.Targets.Skip(1).Select(t => t.Host).Order());
        Assert.Equal([5, 10, 10], targets.Targets.Select(t => t.Priority));
    }

    [Fact]
    public void When_the_first_target_does_not_answer_the_CPS_registers_at_the_second_and_its_calls_go_there()
    {
        var world = new RegistrarWorld();
        world.AddNode("osv1", "192.0.2.11", priority: 10);
        world.AddNode("osv2", "192.0.2.12", priority: 20);
        world.Network.Cut("cps", "osv1");
        var targets = world.ByDns();
        var registration = world.Registration(targets);
        var trunk = world.Trunk(targets);
        var start = world.Loop.Now;

        registration.Start();
        Assert.True(world.Loop.RunUntil(() => registration.IsRegistered, TimeSpan.FromSeconds(60)));

        var took = world.Loop.Now - start;
        Assert.InRange(took, NoAnswerTimeout, NoAnswerTimeout + TimeSpan.FromSeconds(1));
        Assert.Equal("osv2.osvcluster.example", registration.RegisteredAt!.Host);
        Assert.Equal(1, targets.Failovers);
        Assert.Equal(2, registration.Attempts);
        Assert.True(world.IsBoundAt("osv2"));

        trunk.Dial(RegistrarWorld.Number("+4950505807580"), null);
        world.Loop.RunFor(TimeSpan.FromSeconds(1));
        Assert.Single(world.Nodes["osv2"].Invites);
        Assert.Empty(world.Nodes["osv1"].Invites);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.12"), 5060), trunk.NextHop!.Address);
    }

    [Fact]
    public void Failover_happens_at_the_same_virtual_time_in_every_run_of_a_seed()
    {
        static TimeSpan RegisteredAfter(ulong seed)
        {
            var world = new RegistrarWorld(seed);
            world.AddNode("osv1", "192.0.2.11", priority: 10);
            world.AddNode("osv2", "192.0.2.12", priority: 20);
            world.Network.Cut("cps", "osv1");
            var registration = world.Registration(world.ByDns());
            var start = world.Loop.Now;
            registration.Start();
            world.Loop.RunUntil(() => registration.IsRegistered, TimeSpan.FromSeconds(60));
            return world.Loop.Now - start;
        }

        Assert.Equal(RegisteredAfter(11), RegisteredAfter(11));
        Assert.Equal(RegisteredAfter(12), RegisteredAfter(12));
    }

    [Fact]
    public void A_target_answering_503_is_left_for_the_next_at_once()
    {
        var (world, registration) = RegisteredPastA503();

        Assert.Equal("osv2.osvcluster.example", registration.RegisteredAt!.Host);
        Assert.Equal(200, registration.LastStatus);
    }

    [Fact]
    public void When_the_registered_node_stops_answering_the_refresh_moves_the_CPS_to_the_next_node()
    {
        var world = new RegistrarWorld();
        world.AddNode("osv1", "192.0.2.11", priority: 10);
        world.AddNode("osv2", "192.0.2.12", priority: 20);
        var targets = world.ByDns();
        var registration = world.Registration(targets);
        var trunk = world.Trunk(targets);
        registration.Start();
        Assert.True(world.Loop.RunUntil(() => registration.IsRegistered, TimeSpan.FromSeconds(5)));
        Assert.Equal("osv1.osvcluster.example", registration.RegisteredAt!.Host);

        world.Network.Cut("cps", "osv1");
        Assert.True(world.Loop.RunUntil(() => registration.RegisteredAt?.Host == "osv2.osvcluster.example", TimeSpan.FromSeconds(400)));

        trunk.Dial(RegistrarWorld.Number("+4950505807580"), null);
        world.Loop.RunFor(TimeSpan.FromSeconds(1));
        Assert.Single(world.Nodes["osv2"].Invites);
    }

    [Fact]
    public void With_a_second_target_the_refresh_starts_early_enough_that_the_CPS_is_never_without_a_binding()
    {
        var world = new RegistrarWorld();
        world.AddNode("osv1", "192.0.2.11", priority: 10);
        world.AddNode("osv2", "192.0.2.12", priority: 20);
        var registration = world.Registration(world.ByDns());
        registration.Start();
        Assert.True(world.Loop.RunUntil(() => registration.IsRegistered, TimeSpan.FromSeconds(5)));

        world.Network.Cut("cps", "osv1");
        var unbound = 0;
        for (var second = 0; second < 900; second++)
        {
            world.Loop.RunFor(TimeSpan.FromSeconds(1));
            if (!world.IsBoundAt("osv1") && !world.IsBoundAt("osv2")) unbound++;
        }

        Assert.Equal(0, unbound);
        Assert.Equal("osv2.osvcluster.example", registration.RegisteredAt!.Host);
        Assert.Equal(TrunkRegistrationState.Registered, registration.State);
    }

    [Fact]
    public void An_IP_literal_registrar_is_used_as_it_is_without_any_DNS_lookup()
    {
        var world = new RegistrarWorld();
        world.AddNode("osv1", "192.0.2.11");
        var targets = RegistrarTargets.ForRegistrarHost("192.0.2.11", 5060, world.Resolver);
        var registration = world.Registration(targets);
        var trunk = world.Trunk(targets);

        registration.Start();
        Assert.Equal(TrunkRegistrationState.Registering, registration.State); // sent at once, nothing to look up
        Assert.True(world.Loop.RunUntil(() => registration.IsRegistered, TimeSpan.FromSeconds(5)));

        Assert.False(targets.UsesDns);
        Assert.Equal(0, world.Resolver.Lookups);
        Assert.Equal(SipEndPoint.Udp(IPAddress.Parse("192.0.2.11"), 5060), trunk.NextHop);
        Assert.Equal(1, world.Nodes["osv1"].Registrar.Accepted);
    }

    [Fact]
    public void No_SRV_record_is_a_clear_error_state_and_the_lookup_is_retried_later()
    {
        var world = new RegistrarWorld();
        var targets = world.ByDns("nowhere.example");
        var registration = world.Registration(targets);
        var trunk = world.Trunk(targets);

        registration.Start();
        world.Loop.RunFor(TimeSpan.FromSeconds(1));

        Assert.Equal(TrunkRegistrationState.NoServerFound, registration.State);
        Assert.Contains("no SIP server found for _sip._udp.nowhere.example", registration.LastError);
        Assert.False(registration.IsRegistered);
        Assert.Equal(0, registration.Attempts);
        Assert.Null(trunk.NextHop);

        // Calls placed meanwhile fail cleanly instead of going anywhere.
        trunk.Dial(RegistrarWorld.Number("+4950505807580"), null);
        world.Loop.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(1, trunk.DialsWithoutTarget);

        // The DNS gets the records; the next round (after the retry delay) finds them and registers.
        world.AddNode("osv1", "192.0.2.11");
        world.Resolver.AddSrv("nowhere.example", SipTransportProtocol.Udp, new SipSrvRecord(10, 0, 5060, "osv1.nowhere.example"));
        world.Resolver.AddHost("osv1.nowhere.example", IPAddress.Parse("192.0.2.11"));
        world.Loop.RunFor(TrunkRegistration.RetryDelay - TimeSpan.FromSeconds(3));
        Assert.Equal(1, world.Resolver.Lookups);
        Assert.True(world.Loop.RunUntil(() => registration.IsRegistered, TimeSpan.FromSeconds(5)));
        Assert.Equal(2, world.Resolver.Lookups);
        Assert.Equal(TrunkRegistrationState.Registered, registration.State);
        Assert.Null(registration.LastError);
    }

    [Fact]
    public void When_every_target_fails_the_round_is_retried_from_the_first_target_after_the_delay()
    {
        var world = new RegistrarWorld();
        world.AddNode("osv1", "192.0.2.11", priority: 10);
        world.AddNode("osv2", "192.0.2.12", priority: 20);
        world.Network.Cut("cps", "osv1");
        world.Network.Cut("cps", "osv2");
        var registration = world.Registration(world.ByDns());

        registration.Start();
        world.Loop.RunFor(NoAnswerTimeout * 2 + TimeSpan.FromSeconds(1));
        Assert.Equal(TrunkRegistrationState.Failed, registration.State);
        Assert.Equal(1, registration.FailedRounds);
        Assert.Contains("osv2.osvcluster.example", registration.LastError);
        Assert.Equal(408, registration.LastStatus);

        world.Network.Restore("cps", "osv1");
        Assert.True(world.Loop.RunUntil(() => registration.IsRegistered, TrunkRegistration.RetryDelay + TimeSpan.FromSeconds(5)));
        Assert.Equal("osv1.osvcluster.example", registration.RegisteredAt!.Host);
        Assert.Equal(2, world.Resolver.Lookups);
    }

    [Fact]
    public void Stopping_withdraws_the_binding_at_the_target_it_is_registered_at()
    {
        var (world, registration) = RegisteredPastA503();
        Assert.True(world.IsBoundAt("osv2"));

        registration.Stop();
        world.Loop.RunFor(TimeSpan.FromSeconds(1));

        Assert.False(world.IsBoundAt("osv2"));
        Assert.Equal(TrunkRegistrationState.Idle, registration.State);
    }

    /// <summary>Two SRV targets; the first answers 503, so the registration ends up at the second.</summary>
    private static (RegistrarWorld World, TrunkRegistration Registration) RegisteredPastA503()
    {
        var world = new RegistrarWorld();
        world.AddNode("osv1", "192.0.2.11", priority: 10, answer503: true);
        world.AddNode("osv2", "192.0.2.12", priority: 20);
        var registration = world.Registration(world.ByDns());
        registration.Start();
        Assert.True(world.Loop.RunUntil(() => registration.IsRegistered, TimeSpan.FromSeconds(2)));
        return (world, registration);
    }
}
