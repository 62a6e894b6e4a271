using Concierge.Simulators.Phones.Agents;
using Concierge.Simulators.Tests.Support;

namespace Concierge.Simulators.Tests.Osv;

public sealed class HuntGroupTests
{
    [Fact]
    public void A_member_that_does_not_answer_is_skipped_after_the_advance_time()
    {
        var world = new OsvWorld(seed: 101);
        world.Osv.Switch.HuntGroupNoAnswerAdvance = TimeSpan.FromSeconds(10);
        world.Callers.Dial("c1", "+493011100001", "+4950505805520");
        world.Run(TimeSpan.FromSeconds(1));
        Assert.True(world.Phone("7580").IsRinging);
        world.Run(TimeSpan.FromSeconds(10));
        Assert.False(world.Phone("7580").IsRinging);
        Assert.True(world.Phone("7581").IsRinging);
    }

    [Fact]
    public void With_every_member_busy_the_call_queues_and_the_first_free_member_gets_it()
    {
        var world = new OsvWorld(seed: 102);
        foreach (var alias in new[] { "7580", "7581", "7582", "7583" })
        {
            world.Callers.Dial("busy" + alias, "+49301110" + alias, "+4950505805520");
            world.Run(TimeSpan.FromSeconds(1));
            world.Phone(alias).Answer();
        }
        world.Run(TimeSpan.FromSeconds(1));
        var waiting = world.Callers.Dial("w", "+493011100099", "+4950505805520");
        world.Run(TimeSpan.FromSeconds(5));
        Assert.Equal(PartyCallState.RingingOut, waiting.State);
        Assert.Equal(1, world.Osv.Switch.HuntGroups["+4950505805520"].QueuedCount);
        Assert.Contains(("+4950505805520", "Queued"), world.Osv.Csta.Events.Log);

        world.Phone("7582").Hangup();
        world.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(0, world.Osv.Switch.HuntGroups["+4950505805520"].QueuedCount);
        Assert.True(world.Phone("7582").IsRinging);
        Assert.Equal("+493011100099", world.Phone("7582").Current!.RemoteNumber);
    }

    [Fact]
    public void A_caller_leaving_the_queue_is_removed_from_it()
    {
        var world = new OsvWorld(seed: 103);
        foreach (var alias in new[] { "7580", "7581", "7582", "7583" }) world.Osv.Switch.SetAgentReady(alias, false);
        var waiting = world.Callers.Dial("w", "+493011100099", "+4950505805520");
        world.Run(TimeSpan.FromSeconds(2));
        Assert.Equal(1, world.Osv.Switch.HuntGroups["+4950505805520"].QueuedCount);
        waiting.Hangup();
        world.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(0, world.Osv.Switch.HuntGroups["+4950505805520"].QueuedCount);
        world.Osv.Switch.SetAgentReady("7583", true);
        world.Run(TimeSpan.FromSeconds(1));
        Assert.False(world.Phone("7583").IsRinging);
    }

    private static OsvWorld WithQueue(string queueSize, string maxTime, ulong seed) => new(OsvWorld.Variant($"""
        extends: osv-example
        name: variant
        osv:
          businessGroups:
            BG_Concierge:
              huntGroups:
                "+4950505805520":
                  queueSize: {queueSize}
                  maxTimeInQueue: {maxTime}
                  overflowDestination: "+4950505807890"
        """), seed);

    [Fact]
    public void A_full_queue_sends_the_call_to_the_overflow_destination()
    {
        var world = WithQueue("0", "0 s", 104);
        foreach (var alias in new[] { "7580", "7581", "7582", "7583" }) world.Osv.Switch.SetAgentReady(alias, false);
        world.Callers.Dial("c1", "+493011100001", "+4950505805520");
        world.Run(TimeSpan.FromSeconds(1));
        Assert.True(world.Phone("7890").IsRinging);
    }

    [Fact]
    public void A_call_waiting_longer_than_the_maximum_time_in_queue_overflows()
    {
        var world = WithQueue("511", "30 s", 105);
        foreach (var alias in new[] { "7580", "7581", "7582", "7583" }) world.Osv.Switch.SetAgentReady(alias, false);
        world.Callers.Dial("c1", "+493011100001", "+4950505805520");
        world.Run(TimeSpan.FromSeconds(29));
        Assert.False(world.Phone("7890").IsRinging);
        world.Run(TimeSpan.FromSeconds(2));
        Assert.True(world.Phone("7890").IsRinging);
        Assert.Equal(0, world.Osv.Switch.HuntGroups["+4950505805520"].QueuedCount);
    }
}
