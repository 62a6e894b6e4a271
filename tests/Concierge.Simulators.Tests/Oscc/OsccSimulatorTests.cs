using Concierge.Simulators.Oscc;
using Concierge.Simulators.Tests.Support;

namespace Concierge.Simulators.Tests.Oscc;

public sealed class OsccSimulatorTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private static (OsvWorld World, OsccSimulator Oscc) Build(string topology = "osv-oscc", ulong seed = 1)
    {
        var world = new OsvWorld(topology, seed);
        return (world, OsccSimulator.Create(world.Document, world.Osv.Switch, world.Loop, world.Trace));
    }

    [Fact]
    public void A_pilot_call_waits_in_the_initial_hunt_group_until_an_agent_logs_on()
    {
        var (world, oscc) = Build(seed: 501);
        world.Callers.Dial("a", "+493011100001", "+4950505803201");
        world.Run(Second);
        Assert.Single(world.Osv.Switch.QueuedCalls("+4950505805530"));
        Assert.All(world.Osv.Phones.Values, p => Assert.False(p.IsRinging));

        Assert.Null(oscc.LogOn("+4950505807582"));
        world.Run(Second);
        Assert.Empty(world.Osv.Switch.QueuedCalls("+4950505805530"));
        Assert.True(world.Phone("7582").IsRingingFrom("+493011100001"));
        Assert.Equal(1, oscc.Routed);
    }

    [Fact]
    public void Down_the_hunt_groups_hunt_by_ucd_and_the_waiting_call_rings_a_member()
    {
        var (world, oscc) = Build(seed: 502);
        world.Callers.Dial("a", "+493011100001", "+4950505803201");
        world.Run(Second);
        oscc.Fail();
        world.Run(Second);
        Assert.False(world.Osv.Switch.HuntGroups["+4950505805530"].RoutedExternally);
        Assert.Contains(new[] { "7580", "7581", "7582", "7583" }, a => world.Phone(a).IsRingingFrom("+493011100001"));

        oscc.Restore();
        Assert.True(world.Osv.Switch.HuntGroups["+4950505805530"].RoutedExternally);
        Assert.False(world.Osv.Switch.HuntGroups["+4950505805520"].RoutedExternally);
    }

    [Fact]
    public void A_busy_agent_gets_no_call_and_a_device_of_no_queue_changes_nothing()
    {
        var (world, oscc) = Build(seed: 503);
        Assert.Null(oscc.LogOn("+4950505807580"));
        Assert.Null(oscc.LogOn("+4950505807001"));
        Assert.Equal(["+4950505807580"], oscc.LoggedOnAgents);
        world.Callers.Dial("a", "+493011100001", "+4950505807580");
        world.Run(Second);
        world.Phone("7580").Answer();
        world.Run(Second);
        world.Callers.Dial("b", "+493011100002", "+4950505803201");
        world.Run(Second);
        Assert.Single(world.Osv.Switch.QueuedCalls("+4950505805530"));
        oscc.LogOff("+4950505807580");
        Assert.Empty(oscc.LoggedOnAgents);
    }

    [Fact]
    public void A_unify_phone_is_refused_as_an_agent()
    {
        var (_, oscc) = Build("osv-oscc-unifyphone", 504);
        var refused = oscc.LogOn("+4950505807583");
        Assert.NotNull(refused);
        Assert.Contains("Unify Phone", refused, StringComparison.Ordinal);
        Assert.Empty(oscc.LoggedOnAgents);
    }

    [Fact]
    public void After_the_initial_wait_the_call_hears_music_in_the_moh_group_until_an_agent_answers()
    {
        var (world, oscc) = Build(seed: 505);
        var caller = world.Callers.Dial("a", "+493011100001", "+4950505803201");
        world.Run(TimeSpan.FromSeconds(3));
        Assert.Single(world.Osv.Switch.QueuedCalls("+4950505805530"));
        Assert.Equal(Concierge.Media.MediaKind.Ringback, caller.Hears.Kind);
        world.Run(TimeSpan.FromSeconds(4));
        Assert.Empty(world.Osv.Switch.QueuedCalls("+4950505805530"));
        Assert.Single(world.Osv.Switch.QueuedCalls("+4950505805531"));
        Assert.Equal(Concierge.Media.MediaKind.Music, caller.Hears.Kind);

        oscc.LogOn("+4950505807581");
        world.Run(Second);
        Assert.True(world.Phone("7581").IsRingingFrom("+493011100001"));
        world.Phone("7581").Answer();
        world.Run(Second);
        Assert.Equal(Concierge.Media.MediaKind.Voice, caller.Hears.Kind);
        Assert.Null(world.Osv.Switch.Calls.Single().MusicRtp);
    }

    [Fact]
    public void An_agent_rejecting_the_call_hands_it_back_to_the_queue()
    {
        var (world, oscc) = Build(seed: 506);
        oscc.LogOn("+4950505807580");
        world.Callers.Dial("a", "+493011100001", "+4950505803201");
        world.Run(Second);
        world.Phone("7580").Reject();
        oscc.LogOff("+4950505807580");
        world.Run(Second);
        Assert.Single(world.Osv.Switch.QueuedCalls("+4950505805530"));
    }
}
