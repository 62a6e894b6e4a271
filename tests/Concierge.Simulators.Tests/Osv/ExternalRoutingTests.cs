using Concierge.Simulators.Tests.Support;

namespace Concierge.Simulators.Tests.Osv;

public sealed class ExternalRoutingTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void An_externally_routed_hunt_group_queues_its_calls_until_they_are_routed()
    {
        var world = new OsvWorld(seed: 611);
        Assert.True(world.Osv.Switch.SetExternalRouting("+4950505805520", true));
        world.Callers.Dial("a", "+493011100001", "+4950505805520");
        world.Run(Second);
        Assert.All(world.Osv.Phones.Values, p => Assert.False(p.IsRinging));
        Assert.False(world.Osv.Switch.RouteQueuedCall("+4950505805520", "+4950505807999"));
        Assert.True(world.Osv.Switch.RouteQueuedCall("+4950505805520", "+4950505807582"));
        world.Run(Second);
        Assert.True(world.Phone("7582").IsRingingFrom("+493011100001"));
        Assert.False(world.Osv.Switch.RouteQueuedCall("+4950505805520", "+4950505807581"));
    }

    [Fact]
    public void Giving_the_group_back_hunts_its_waiting_calls()
    {
        var world = new OsvWorld(seed: 612);
        world.Osv.Switch.SetExternalRouting("+4950505805520", true);
        world.Callers.Dial("a", "+493011100001", "+4950505805520");
        world.Run(Second);
        world.Osv.Switch.SetExternalRouting("+4950505805520", false);
        world.Run(Second);
        Assert.True(world.Phone("7580").IsRingingFrom("+493011100001"));
        Assert.False(world.Osv.Switch.SetExternalRouting("+4950505809999", true));
    }

    [Fact]
    public void A_queued_call_moves_between_groups_and_only_a_music_on_hold_group_answers_it()
    {
        var world = new OsvWorld("osv-oscc", 613);
        Assert.True(world.Osv.Switch.HuntGroups["+4950505805531"].MusicOnHold);
        Assert.False(world.Osv.Switch.HuntGroups["+4950505805530"].MusicOnHold);
        world.Osv.Switch.SetExternalRouting("+4950505805530", true);
        world.Osv.Switch.SetExternalRouting("+4950505805531", true);
        var caller = world.Callers.Dial("a", "+493011100001", "+4950505805530");
        world.Run(Second);
        var call = Assert.Single(world.Osv.Switch.QueuedCalls("+4950505805530"));
        Assert.False(world.Osv.Switch.MoveQueuedCall(call, "+4950505809999"));
        Assert.True(world.Osv.Switch.MoveQueuedCall(call, "+4950505805531"));
        Assert.False(world.Osv.Switch.MoveQueuedCall(call, "+4950505805531"));
        world.Run(Second);
        Assert.Equal(Concierge.Media.MediaKind.Music, caller.Hears.Kind);
        caller.Hangup();
        world.Run(Second);
        Assert.Empty(world.Osv.Switch.QueuedCalls("+4950505805531"));
        Assert.Null(call.MusicRtp);
    }
}
