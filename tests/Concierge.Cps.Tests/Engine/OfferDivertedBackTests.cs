using Concierge.Cps.Attendants;
using Concierge.Cps.Calls;
using Concierge.Cps.Legs;

namespace Concierge.Cps.Tests.Engine;

/// <summary>
/// An offer diverted back to the CPS by a stale forwarding of the attendant's phone to its personal line (found by
/// `concierge-sim explore`, seed 9): refused, so the caller is neither connected to the CPS itself nor offered again.
/// </summary>
public sealed class OfferDivertedBackTests
{
    private const string Caller = "+493011100001";

    [Fact]
    public void The_offer_coming_back_on_the_attendants_personal_line_is_refused_and_the_call_returns_to_its_queue()
    {
        var cps = new CpsHarness();
        cps.LogOn("7580");
        cps.Call("3201", Caller);
        var offer = cps.Legs.LastDialTo(CpsHarness.N("7580"));

        cps.Engine.OnIncomingLeg(new LegId(900), CpsHarness.N("3220"), Caller);

        Assert.Contains((new LegId(900), RejectReason.Busy), cps.Legs.Rejects);
        Assert.Equal(1, cps.Engine.OwnOffersDivertedBack);
        Assert.Single(cps.Engine.LiveCalls);
        cps.Engine.OnLegFailed(offer, 486);
        Assert.Equal(CallPhase.Queued, cps.CallFrom(Caller).Phase);
        Assert.Equal(AttendantState.Unavailable, cps.Engine.Attendant(CpsHarness.N("7580"))!.State);
        cps.Check();
    }

    [Fact]
    public void Another_caller_on_the_personal_line_of_an_attendant_being_offered_a_call_is_taken()
    {
        var cps = new CpsHarness();
        cps.LogOn("7580");
        cps.Call("3201", Caller);

        cps.Engine.OnIncomingLeg(new LegId(900), CpsHarness.N("3220"), "+493011100002");

        Assert.DoesNotContain(cps.Legs.Rejects, r => r.Leg == new LegId(900));
        Assert.Equal(2, cps.Engine.LiveCalls.Count);
        cps.Check();
    }
}
