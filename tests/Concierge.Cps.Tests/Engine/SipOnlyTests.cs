using Concierge.Cps.Attendants;
using Concierge.Cps.Calls;
using Concierge.Cps.Legs;
using Concierge.Cps.Records;

namespace Concierge.Cps.Tests.Engine;

/// <summary>A CPS without a CSTA link: calls are pushed by INVITE and bridged on the CPS; what needs CSTA is refused or reported unavailable.</summary>
public sealed class SipOnlyTests
{
    private const string Caller = "+493011100001";

    private static (CpsHarness Cps, LegId CallerLeg, LegId AttendantLeg) Connected()
    {
        var cps = new CpsHarness();
        cps.Engine.RunSipOnly();
        cps.LogOn("7580");
        var callerLeg = cps.Call("3201", Caller);
        var attendantLeg = cps.Legs.LastDialTo(CpsHarness.N("7580"));
        cps.Engine.OnLegAnswered(attendantLeg);
        Assert.Contains((callerLeg, attendantLeg), cps.Legs.Bridges);
        Assert.Empty(cps.Legs.Joins);
        cps.Pass(TimeSpan.Zero); // the bridge is reported on a later turn, never from inside the command
        Assert.Equal(CallPhase.Connected, cps.CallFrom(Caller).Phase);
        return (cps, callerLeg, attendantLeg);
    }

    [Fact]
    public void A_pushed_call_is_bridged_and_keeps_both_channels_and_no_forwarding_is_asked_of_the_pbx()
    {
        var (cps, _, _) = Connected();
        Assert.Equal(1, cps.Engine.Channels.ProcessingInUse);
        Assert.Equal(1, cps.Engine.Channels.OperationalInUse);
        Assert.Empty(cps.Pbx.Forwarding);
        Assert.Contains("busy lamps", cps.Engine.FeaturesUnavailable);
        Assert.True(cps.Engine.PbxLinkUp);
        cps.Check();
    }

    [Fact]
    public void The_attendant_hanging_up_ends_the_call_as_answered_and_frees_both_channels()
    {
        var (cps, callerLeg, attendantLeg) = Connected();
        cps.Engine.OnLegReleased(attendantLeg);
        Assert.Contains(callerLeg, cps.Legs.Released);
        Assert.Empty(cps.Engine.LiveCalls);
        Assert.Equal(0, cps.Engine.Channels.ProcessingInUse + cps.Engine.Channels.OperationalInUse);
        Assert.Null(cps.Engine.Attendant(CpsHarness.N("7580"))!.CurrentCall);
        cps.Check();
    }

    [Fact]
    public void Release_from_the_client_waits_for_the_phone_to_answer_the_bye_before_the_next_push()
    {
        var (cps, _, attendantLeg) = Connected();
        cps.Call("3201", "+493011100002");
        Assert.True(cps.Engine.Release(CpsHarness.N("7580")).Succeeded);
        Assert.Contains($"release-confirm {attendantLeg}", cps.Legs.Log);
        var dialsBefore = cps.Legs.Dials.Count;
        Assert.Equal(dialsBefore, cps.Legs.Dials.Count); // offered, not yet dialled: the phone may still hold the old call
        cps.Engine.OnLegCleared(attendantLeg);
        Assert.Equal(dialsBefore + 1, cps.Legs.Dials.Count);
        cps.Check();
    }

    [Fact]
    public void Parking_a_bridged_call_needs_no_request_number_and_the_caller_hears_music()
    {
        var (cps, callerLeg, _) = Connected();
        Assert.True(cps.Engine.Park(CpsHarness.N("7580")).Succeeded);
        var call = cps.CallFrom(Caller);
        Assert.Equal(ProcessingState.Parked, call.Processing);
        Assert.Equal(MediaKind.Music, call.CallerHears.Kind);
        Assert.Empty(cps.Pbx.Transfers);
        Assert.Equal(callerLeg, call.CallerLeg);
        cps.Check();
    }

    [Fact]
    public void Answering_from_the_client_is_refused_with_the_reason_and_changes_nothing()
    {
        var cps = new CpsHarness();
        cps.Engine.RunSipOnly();
        cps.LogOn("7580");
        cps.Call("3201", Caller);
        var result = cps.Engine.Answer(CpsHarness.N("7580"));
        Assert.False(result.Succeeded);
        Assert.Contains("SIP only", result.Error);
        Assert.Empty(cps.Pbx.Answers);
        Assert.Equal(CallPhase.Offered, cps.CallFrom(Caller).Phase);
    }

    [Fact]
    public void A_csta_link_report_is_ignored_when_there_is_no_link()
    {
        var cps = new CpsHarness();
        cps.Engine.RunSipOnly();
        cps.Engine.OnPbxLinkChanged(false);
        Assert.True(cps.Engine.PbxLinkUp);
        Assert.Equal(AttendantState.LoggedOff, cps.Engine.Attendant(CpsHarness.N("7580"))!.State);
    }
}
