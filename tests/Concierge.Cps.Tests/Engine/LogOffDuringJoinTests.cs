using Concierge.Cps.Attendants;
using Concierge.Cps.Calls;
using Concierge.Cps.Records;

namespace Concierge.Cps.Tests.Engine;

/// <summary>
/// Logging off while the attendant's phone has answered and the PBX is joining the call (found by
/// `concierge-sim explore --faults lossy`, seed 20): the join cannot be taken back, so the call connects.
/// </summary>
public sealed class LogOffDuringJoinTests
{
    [Fact]
    public void A_call_being_joined_connects_to_the_attendant_who_logged_off_and_is_not_offered_again()
    {
        var cps = new CpsHarness();
        cps.LogOn("7580", "7581");
        cps.Call("3201", "+493011100001");
        var leg = cps.Legs.Dials.Single().Leg;
        var device = cps.Legs.Dials.Single().Target;
        cps.Engine.OnLegAnswered(leg);

        Assert.True(cps.Engine.LogOff(device).Succeeded);

        Assert.Single(cps.Legs.Dials); // not offered to the other attendant while the PBX joins it
        Assert.DoesNotContain(leg, cps.Legs.Released);
        var join = cps.Legs.Joins.Single(j => j.Target == leg);
        cps.Engine.OnLegsJoined(join.Caller, join.Target);
        var call = cps.CallFrom("+493011100001");
        Assert.Equal(CallPhase.Connected, call.Phase);
        Assert.Equal(AttendantState.LoggedOff, cps.Engine.Attendant(device)!.State);
        cps.Check();

        cps.Engine.OnAttendantCallEnded(device);
        Assert.Equal(CallDisposition.Answered, call.Record.Disposition);
        cps.Check();
    }

    [Fact]
    public void A_join_that_fails_after_log_off_requeues_the_call_and_leaves_the_attendant_logged_off()
    {
        var cps = new CpsHarness();
        cps.LogOn("7580");
        cps.Call("3201", "+493011100001");
        var (leg, device, _) = cps.Legs.Dials.Single();
        cps.Engine.OnLegAnswered(leg);
        Assert.True(cps.Engine.LogOff(device).Succeeded);

        cps.Engine.OnLegFailed(leg, 487);

        Assert.Equal(CallPhase.Queued, cps.CallFrom("+493011100001").Phase);
        Assert.Equal(AttendantState.LoggedOff, cps.Engine.Attendant(device)!.State);
        cps.Check();
    }

    [Fact]
    public void A_ringing_offer_still_comes_back_when_the_attendant_logs_off()
    {
        var cps = new CpsHarness();
        cps.LogOn("7580");
        cps.Call("3201", "+493011100001");
        var (leg, device, _) = cps.Legs.Dials.Single();

        Assert.True(cps.Engine.LogOff(device).Succeeded);

        Assert.Contains(leg, cps.Legs.Released);
        Assert.Equal(CallPhase.Queued, cps.CallFrom("+493011100001").Phase);
        cps.Check();
    }
}
