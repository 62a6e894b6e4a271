using Concierge.Cps.Engine;
using Concierge.Cps.Legs;

namespace Concierge.Cps.Tests.Engine;

public sealed class StandbyTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    [Fact]
    public void The_active_CPS_answers_loop_calls_with_a_loop_back()
    {
        var cps = new CpsHarness();
        var leg = cps.Call("3300");
        Assert.StartsWith($"answer {leg}", cps.Legs.Log[0]);
        Assert.DoesNotContain(leg, cps.Legs.Released); // the standby hangs up
        Assert.Empty(cps.Engine.Records);

        var forgotten = cps.Call("3300");
        cps.Engine.OnLegReleased(leg);
        cps.Pass(CpsEngine.LoopBackHoldTime);
        Assert.Contains(forgotten, cps.Legs.Released); // a loop call the standby never hung up is cleared
        Assert.DoesNotContain(leg, cps.Legs.Released);
        Assert.Equal(0, cps.Engine.IgnoredInputs);
    }

    [Fact]
    public void The_standby_takes_over_after_two_loop_calls_in_a_row_without_loop_back()
    {
        var standby = new CpsHarness(active: false);
        standby.Engine.StartStandby(Interval, missedBeforeTakeover: 2);

        standby.Pass(Interval);
        var first = standby.Legs.Dials.Single();
        Assert.Equal(CpsHarness.N("3300"), first.Target);
        standby.Engine.OnLegFailed(first.Leg, 480);
        Assert.False(standby.Engine.IsActive);

        standby.Pass(Interval);
        standby.Engine.OnLegFailed(standby.Legs.Dials.Last().Leg, 480);

        Assert.True(standby.Engine.IsActive);
        Assert.False(standby.Engine.IsWatchingLoop);
    }

    [Fact]
    public void A_loop_back_resets_the_count()
    {
        var standby = new CpsHarness(active: false);
        standby.Engine.StartStandby(Interval, missedBeforeTakeover: 2);
        standby.Pass(Interval);
        standby.Engine.OnLegFailed(standby.Legs.Dials.Last().Leg, 480);
        standby.Pass(Interval);
        standby.Engine.OnLegAnswered(standby.Legs.Dials.Last().Leg);
        standby.Pass(Interval);
        standby.Engine.OnLegFailed(standby.Legs.Dials.Last().Leg, 480);

        Assert.False(standby.Engine.IsActive);
        Assert.Equal(1, standby.Engine.MissedLoopCalls);
    }

    [Fact]
    public void An_unanswered_loop_call_counts_as_missed_at_the_next_one()
    {
        var standby = new CpsHarness(active: false);
        standby.Engine.StartStandby(Interval, missedBeforeTakeover: 2);
        standby.Pass(Interval * 3); // loop calls at 10, 20 and 30 s; the ones at 10 and 20 s never answered

        Assert.True(standby.Engine.IsActive);
    }

    [Fact]
    public void There_is_no_automatic_switch_back_and_the_operator_switch_back_makes_it_standby_again()
    {
        var standby = new CpsHarness(active: false);
        standby.Engine.StartStandby(Interval, missedBeforeTakeover: 1);
        standby.Pass(Interval * 2);
        Assert.True(standby.Engine.IsActive);
        var dials = standby.Legs.Dials.Count;

        standby.Pass(TimeSpan.FromMinutes(10)); // the primary may be back: nothing changes by itself
        Assert.True(standby.Engine.IsActive);
        Assert.Equal(dials, standby.Legs.Dials.Count);

        standby.Engine.SwitchBackToPrimary(Interval, 1);
        Assert.False(standby.Engine.IsActive);
        var leg = standby.Call("3201");
        Assert.Equal((leg, RejectReason.Unavailable), standby.Legs.Rejects.Last());
    }
}
