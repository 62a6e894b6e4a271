using Concierge.Runtime.Collections;
using Concierge.Config.Model;
using Concierge.Cps.Attendants;
using Concierge.Cps.Calls;
using Concierge.Cps.Legs;
using Concierge.Cps.Records;

namespace Concierge.Cps.Tests.Engine;

public sealed class DistributionTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void A_pilot_call_is_answered_with_music_and_pushed_to_the_longest_idle_attendant()
    {
        var cps = new CpsHarness();
        cps.LogOn("7581");
        cps.Pass(Second);
        cps.LogOn("7580");

        var leg = cps.Call("3201", "+493011100001");

        Assert.Equal(MediaSource.Music("DEFAULT-DefaultMoH"), cps.Legs.Hears[leg]);
        var (_, target, charge) = Assert.Single(cps.Legs.Dials);
        Assert.Equal(CpsHarness.N("7581"), target);
        Assert.Equal(CpsHarness.N("7581"), charge);
        Assert.Equal(CallPhase.Offered, cps.CallFrom("+493011100001").Phase);
        cps.Check();
    }

    [Fact]
    public void Answering_connects_the_call_sets_personal_line_forwarding_and_frees_the_channels()
    {
        var cps = new CpsHarness();
        cps.LogOn("7580");
        cps.Call("3201", "+493011100001");

        cps.AttendantAnswers("7580");

        var call = cps.CallFrom("+493011100001");
        Assert.Equal(CallPhase.Connected, call.Phase);
        Assert.Equal("+4950505807580", call.Record.AnsweredBy);
        Assert.Equal(CpsHarness.N("3220"), cps.Pbx.Forwarding[CpsHarness.N("7580")]);
        Assert.Empty(cps.Engine.Channels.Held);
        cps.Check();

        Assert.True(cps.Engine.Release(CpsHarness.N("7580")).Succeeded);
        Assert.Equal(CpsHarness.N("7580"), Assert.Single(cps.Pbx.Clears));
        cps.Call("3201", "+493011100002");
        Assert.Single(cps.Legs.Dials); // no push while the PBX still clears the released call
        cps.Engine.OnAttendantCallEnded(CpsHarness.N("7580"));
        Assert.Equal(2, cps.Legs.Dials.Count);

        Assert.Equal(CallDisposition.Answered, call.Record.Disposition);
        Assert.Null(cps.Pbx.Forwarding[CpsHarness.N("7580")]);
        cps.Check();
    }

    [Fact]
    public void A_release_given_while_the_PBX_connects_the_call_runs_once_it_is_connected()
    {
        var cps = new CpsHarness();
        cps.LogOn("7580");
        var caller = cps.Call("3201", "+493011100001");
        var attendantLeg = cps.Legs.LastDialTo(CpsHarness.N("7580"));
        cps.Engine.OnLegAnswered(attendantLeg);

        Assert.True(cps.Engine.Release(CpsHarness.N("7580")).Succeeded);
        Assert.Empty(cps.Pbx.Clears);
        cps.Engine.OnLegsJoined(caller, attendantLeg);

        Assert.Equal(CpsHarness.N("7580"), Assert.Single(cps.Pbx.Clears));
        cps.Check();
    }

    [Fact]
    public void While_the_PBX_link_is_down_calls_wait_and_are_pushed_once_it_returns()
    {
        var cps = new CpsHarness();
        cps.LogOn("7580");
        cps.Engine.OnPbxLinkChanged(up: false);

        cps.Call("3201", "+493011100001");
        cps.Pass(TimeSpan.FromMinutes(1));
        Assert.Empty(cps.Legs.Dials);
        Assert.Equal(1, cps.Engine.CallerQueue(CpsHarness.N("3201"))!.Count);

        cps.Engine.OnPbxLinkChanged(up: true);

        Assert.Equal(CpsHarness.N("7580"), Assert.Single(cps.Legs.Dials).Target);
        cps.Check();
    }

    [Fact]
    public void Ring_no_answer_takes_the_call_back_sets_the_attendant_unavailable_and_offers_it_to_the_next()
    {
        var cps = new CpsHarness();
        cps.LogOn("7580");
        cps.Pass(Second);
        cps.LogOn("7581");
        cps.Call("3201", "+493011100001");
        var first = cps.Legs.LastDialTo(CpsHarness.N("7580"));

        cps.Pass(TimeSpan.FromSeconds(14.9));
        Assert.Equal(AttendantState.Available, cps.Engine.Attendant(CpsHarness.N("7580"))!.State);
        cps.Pass(TimeSpan.FromSeconds(0.1));

        Assert.Contains(first, cps.Legs.Released);
        Assert.Equal(AttendantState.Unavailable, cps.Engine.Attendant(CpsHarness.N("7580"))!.State);
        Assert.Equal(CpsHarness.N("7581"), cps.Legs.Dials.Last().Target);
        Assert.Equal(CpsHarness.N("7581"), cps.CallFrom("+493011100001").AttendantDevice);
        cps.Check();
    }

    [Fact]
    public void With_nobody_available_after_RNA_the_call_waits_again_in_its_queue()
    {
        var cps = new CpsHarness();
        cps.LogOn("7580");
        cps.Call("3201", "+493011100001");
        cps.Pass(TimeSpan.FromSeconds(15));

        Assert.Equal(1, cps.Engine.CallerQueue(CpsHarness.N("3201"))!.Count);
        Assert.Equal(0, cps.Engine.Channels.OperationalInUse);
        cps.Check();
    }

    [Fact]
    public void Pick_only_pushes_nothing_and_attendants_pick_from_the_queue()
    {
        var cps = new CpsHarness(adjust: c => c with { Tenants = c.Tenants.Select(t => t with { RoutingType = RoutingType.PickOnly }).ToValueList() });
        cps.LogOn("7580");
        cps.Call("3201", "+493011100001");
        cps.Call("3202", "+493011100002");

        Assert.Empty(cps.Legs.Dials);
        Assert.True(cps.Engine.Pick(CpsHarness.N("7580"), cps.CallFrom("+493011100002")).Succeeded);
        cps.AttendantAnswers("7580");

        Assert.Equal(CallPhase.Connected, cps.CallFrom("+493011100002").Phase);
        Assert.Equal(CallPhase.Queued, cps.CallFrom("+493011100001").Phase);
        Assert.False(cps.Engine.PickNext(CpsHarness.N("7580")).Succeeded); // busy with a call
        cps.Check();
    }

    [Fact]
    public void A_caller_hanging_up_in_the_queue_is_abandoned_and_leaves_no_channel()
    {
        var cps = new CpsHarness();
        var leg = cps.Call("3201", "+493011100001");
        var call = cps.CallFrom("+493011100001");

        cps.Engine.OnLegReleased(leg);

        Assert.Equal(CallDisposition.Abandoned, call.Record.Disposition);
        Assert.Empty(cps.Engine.Channels.Held);
        cps.Check();
    }

    [Fact]
    public void A_caller_hanging_up_while_offered_stops_the_ringing_and_frees_the_attendant()
    {
        var cps = new CpsHarness();
        cps.LogOn("7580");
        var leg = cps.Call("3201", "+493011100001");
        var ringing = cps.Legs.LastDialTo(CpsHarness.N("7580"));

        cps.Engine.OnLegReleased(leg);

        Assert.Contains(ringing, cps.Legs.Released);
        Assert.Null(cps.Engine.Attendant(CpsHarness.N("7580"))!.CurrentCall);
        Assert.Empty(cps.Engine.Channels.Held);
        cps.Check();
    }

    [Fact]
    public void Unknown_numbers_are_refused_and_unknown_legs_ignored_without_exceptions()
    {
        var cps = new CpsHarness();
        var leg = cps.Call("+4930999999");
        Assert.Equal((leg, RejectReason.NotFound), Assert.Single(cps.Legs.Rejects));

        cps.Engine.OnLegAnswered(new LegId(424242));
        cps.Engine.OnLegReleased(new LegId(424243));
        cps.Engine.OnLegsJoined(new LegId(1), new LegId(2));
        Assert.Equal(3, cps.Engine.IgnoredInputs);
        Assert.False(cps.Engine.LogOn(CpsHarness.N("7999")).Succeeded);
        cps.Check();
    }

    [Fact]
    public void An_inactive_CPS_refuses_calls_so_the_PBX_falls_back()
    {
        var cps = new CpsHarness(active: false);
        var leg = cps.Call("3201");
        Assert.Equal((leg, RejectReason.Unavailable), Assert.Single(cps.Legs.Rejects));
        Assert.Empty(cps.Engine.Records);
    }

    [Fact]
    public void A_personal_greeting_plays_to_both_before_connecting()
    {
        var cps = new CpsHarness(adjust: c => c with
        {
            Attendants = c.Attendants.Select(a => a.Alias == "7580" ? a with { Greeting = "DEFAULT-DefaultStartAnnouncement" } : a).ToValueList(),
        });
        cps.LogOn("7580");
        var caller = cps.Call("3201");
        var attendantLeg = cps.Legs.LastDialTo(CpsHarness.N("7580"));

        cps.Engine.OnLegAnswered(attendantLeg);

        Assert.Equal(MediaKind.Greeting, cps.Legs.Hears[caller].Kind);
        Assert.Equal(MediaKind.Greeting, cps.Legs.Hears[attendantLeg].Kind);
        Assert.Empty(cps.Legs.Joins);
        cps.Pass(TimeSpan.FromSeconds(5));
        Assert.Equal((caller, attendantLeg), Assert.Single(cps.Legs.Joins));
    }
}
