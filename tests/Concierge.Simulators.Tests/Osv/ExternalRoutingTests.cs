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
}
