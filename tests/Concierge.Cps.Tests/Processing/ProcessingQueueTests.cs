using Concierge.Cps.Calls;
using Concierge.Cps.Engine;
using Concierge.Cps.Legs;
using Concierge.Cps.Records;

namespace Concierge.Cps.Tests.Processing;

public sealed class ProcessingQueueTests
{
    private const string Caller = "+493011100001";

    /// <summary>A caller connected to attendant 7580.</summary>
    private static CpsHarness Connected()
    {
        var cps = new CpsHarness();
        cps.LogOn("7580");
        cps.Call("3201", Caller);
        cps.AttendantAnswers("7580");
        return cps;
    }

    /// <summary>The PBX carries out the attendant's transfer to the request number: the call arrives on the CPS.</summary>
    private static LegId Arrive(CpsHarness cps, long legNumber = 500)
    {
        var (_, requestNumber) = cps.Pbx.Transfers.Last();
        var leg = new LegId(legNumber);
        cps.Engine.OnIncomingLeg(leg, requestNumber, Caller);
        return leg;
    }

    [Fact]
    public void Park_moves_the_call_over_a_request_number_that_is_free_again_once_the_call_arrives()
    {
        var cps = Connected();

        Assert.True(cps.Engine.Park(CpsHarness.N("7580")).Succeeded);
        Assert.Equal((CpsHarness.N("7580"), CpsHarness.N("3301")), cps.Pbx.Transfers.Single());
        Assert.Equal(1, cps.Engine.RequestNumbers.InUse);
        cps.Check();

        var leg = Arrive(cps);

        var call = cps.CallFrom(Caller);
        Assert.Equal(CallPhase.Processing, call.Phase);
        Assert.Equal(ProcessingState.Parked, call.Processing);
        Assert.Equal(MediaSource.Music("DEFAULT-DefaultMoH"), cps.Legs.Hears[leg]);
        Assert.Equal(0, cps.Engine.RequestNumbers.InUse);
        Assert.Null(cps.Engine.Attendant(CpsHarness.N("7580"))!.CurrentCall);
        Assert.Null(cps.Pbx.Forwarding[CpsHarness.N("7580")]);
        cps.Check();
    }

    [Fact]
    public void After_a_park_the_next_call_rings_the_attendant_only_once_the_PBX_has_cleared_its_forwarding()
    {
        var cps = Connected();
        cps.Pbx.AnswersForwardingAtOnce = false;
        cps.Engine.Park(CpsHarness.N("7580"));
        cps.Call("3201", "+493011100002");
        Arrive(cps);

        // Forwarding to the personal line is being cleared: dialled now, the leg could be forwarded to the CPS itself.
        var next = cps.CallFrom("+493011100002");
        Assert.Equal(CallPhase.Offered, next.Phase);
        Assert.Null(next.PartnerLeg);
        Assert.Single(cps.Legs.Dials);
        cps.Check();

        cps.Pbx.AnswerForwarding();

        Assert.Equal(2, cps.Legs.Dials.Count);
        Assert.Equal(cps.Legs.LastDialTo(CpsHarness.N("7580")), next.PartnerLeg);
        cps.AttendantAnswers("7580");
        Assert.Equal(CallPhase.Connected, next.Phase);
        cps.Check();
    }

    [Fact]
    public void A_retrieve_right_after_a_release_rings_the_attendant_once_the_PBX_reports_the_released_call_cleared()
    {
        var cps = Connected();
        cps.Engine.Park(CpsHarness.N("7580"));
        Arrive(cps);
        cps.Call("3201", "+493011100002");
        cps.AttendantAnswers("7580");
        cps.Engine.Release(CpsHarness.N("7580"));

        // The phone still holds the released call: rung now, it would answer busy.
        Assert.True(cps.Engine.Retrieve(CpsHarness.N("7580"), cps.CallFrom(Caller)).Succeeded);
        Assert.Equal(2, cps.Legs.Dials.Count);

        cps.Engine.OnAttendantCallEnded(CpsHarness.N("7580"));

        Assert.Equal(3, cps.Legs.Dials.Count);
        cps.AttendantAnswers("7580");
        Assert.Equal(CallPhase.Connected, cps.CallFrom(Caller).Phase);
        cps.Check();
    }

    [Fact]
    public void A_retrieve_right_after_a_release_rings_the_attendant_even_when_the_PBX_never_answers_the_forwarding_request()
    {
        var cps = Connected();
        cps.Engine.Park(CpsHarness.N("7580"));
        Arrive(cps);
        cps.Call("3201", "+493011100002");
        cps.AttendantAnswers("7580");
        cps.Pbx.AnswersForwardingAtOnce = false;
        cps.Engine.Release(CpsHarness.N("7580"));

        Assert.True(cps.Engine.Retrieve(CpsHarness.N("7580"), cps.CallFrom(Caller)).Succeeded);
        Assert.Equal(2, cps.Legs.Dials.Count);

        cps.Pass(CpsEngine.ForwardingClearTimeout);

        Assert.Equal(3, cps.Legs.Dials.Count);
        cps.AttendantAnswers("7580");
        Assert.Equal(CallPhase.Connected, cps.CallFrom(Caller).Phase);
        cps.Check();
    }

    [Fact]
    public void A_parked_call_is_retrieved_to_the_attendant()
    {
        var cps = Connected();
        cps.Engine.Hold(CpsHarness.N("7580"));
        Arrive(cps);
        var call = cps.CallFrom(Caller);
        Assert.Equal(ProcessingState.Held, call.Processing);

        Assert.True(cps.Engine.Retrieve(CpsHarness.N("7580"), call).Succeeded);
        cps.AttendantAnswers("7580");

        Assert.Equal(CallPhase.Connected, call.Phase);
        Assert.Empty(cps.Engine.Channels.Held);
        cps.Check();
    }

    [Fact]
    public void A_call_that_never_arrives_on_its_request_number_gives_the_number_back()
    {
        var cps = Connected();
        cps.Engine.Park(CpsHarness.N("7580"));

        cps.Pass(TimeSpan.FromSeconds(10));

        Assert.Equal(0, cps.Engine.RequestNumbers.InUse);
        Assert.Equal(CallPhase.Connected, cps.CallFrom(Caller).Phase);
        cps.Check();
    }

    [Fact]
    public void Supervised_transfer_answered_joins_caller_and_target()
    {
        var cps = Connected();
        cps.Engine.Transfer(CpsHarness.N("7580"), CpsHarness.N("7001"));
        var callerLeg = Arrive(cps);
        var call = cps.CallFrom(Caller);
        Assert.Equal(ProcessingState.Transferring, call.Processing);
        var targetLeg = cps.Legs.LastDialTo(CpsHarness.N("7001"));
        Assert.Equal(CpsHarness.N("7580"), cps.Legs.Dials.Last().Charge);
        Assert.Equal(2, cps.Engine.Channels.ProcessingInUse);

        cps.Engine.OnLegAnswered(targetLeg);
        Assert.Equal((callerLeg, targetLeg), cps.Legs.Joins.Last());
        cps.Engine.OnLegsJoined(callerLeg, targetLeg);

        Assert.Equal(CallDisposition.Answered, call.Record.Disposition);
        Assert.Equal("+4950505807001", call.Record.AnsweredBy);
        Assert.Empty(cps.Engine.Channels.Held);
        cps.Check();
    }

    [Fact]
    public void A_transfer_whose_target_answered_cannot_be_retrieved_while_the_PBX_joins_it()
    {
        // Found by `concierge-sim explore --faults slow` (seed 313): retrieving it hung up a target the PBX had joined
        // already and offered a caller leg that was gone; the call never ended.
        var cps = Connected();
        cps.Engine.Transfer(CpsHarness.N("7580"), CpsHarness.N("7001"));
        var callerLeg = Arrive(cps);
        var targetLeg = cps.Legs.LastDialTo(CpsHarness.N("7001"));
        cps.Engine.OnLegAnswered(targetLeg);

        var retrieve = cps.Engine.Retrieve(CpsHarness.N("7580"), cps.CallFrom(Caller));

        Assert.False(retrieve.Succeeded);
        Assert.Contains("is being connected to +4950505807001", retrieve.Error);
        Assert.DoesNotContain(targetLeg, cps.Legs.Released);
        cps.Engine.OnLegsJoined(callerLeg, targetLeg);
        Assert.Equal(CallDisposition.Answered, cps.Engine.Records.Single().Disposition);
        cps.Check();
    }

    [Fact]
    public void A_transfer_whose_join_failed_can_be_retrieved_again()
    {
        var cps = Connected();
        cps.Engine.Transfer(CpsHarness.N("7580"), CpsHarness.N("7001"));
        Arrive(cps);
        var targetLeg = cps.Legs.LastDialTo(CpsHarness.N("7001"));
        cps.Engine.OnLegAnswered(targetLeg);
        cps.Engine.OnLegFailed(targetLeg, 500);

        Assert.True(cps.Engine.Retrieve(CpsHarness.N("7580"), cps.CallFrom(Caller)).Succeeded);
        cps.Check();
    }

    [Fact]
    public void Supervised_transfer_to_a_busy_target_keeps_the_call_held_on_the_CPS()
    {
        var cps = Connected();
        cps.Engine.Transfer(CpsHarness.N("7580"), CpsHarness.N("7001"));
        Arrive(cps);

        cps.Engine.OnLegFailed(cps.Legs.LastDialTo(CpsHarness.N("7001")), 486);

        var call = cps.CallFrom(Caller);
        Assert.Equal(ProcessingState.Held, call.Processing);
        Assert.Equal(1, cps.Engine.Channels.ProcessingInUse);
        cps.Check();
    }

    [Fact]
    public void Supervised_transfer_unanswered_stops_ringing_after_the_max_transfer_time()
    {
        var cps = Connected();
        cps.Engine.Transfer(CpsHarness.N("7580"), CpsHarness.N("7001"));
        Arrive(cps);
        var targetLeg = cps.Legs.LastDialTo(CpsHarness.N("7001"));

        cps.Pass(TimeSpan.FromSeconds(29));
        Assert.Equal(ProcessingState.Transferring, cps.CallFrom(Caller).Processing);
        cps.Pass(TimeSpan.FromSeconds(1));

        Assert.Contains(targetLeg, cps.Legs.Released);
        Assert.Equal(ProcessingState.Held, cps.CallFrom(Caller).Processing);
        cps.Check();
    }

    [Fact]
    public void The_attendant_can_take_another_call_while_a_transfer_rings()
    {
        var cps = Connected();
        cps.Engine.Transfer(CpsHarness.N("7580"), CpsHarness.N("7001"));
        Arrive(cps);

        cps.Call("3201", "+493011100002");

        Assert.Equal("+493011100002", cps.Engine.Attendant(CpsHarness.N("7580"))!.CurrentCall!.Caller);
        Assert.Equal(ProcessingState.Transferring, cps.CallFrom(Caller).Processing);
        cps.Check();
    }

    [Fact]
    public void Paging_parks_on_a_callback_number_that_the_wanted_person_dials()
    {
        var cps = Connected();
        var pages = new List<string>();
        cps.Engine.Notified += n => { if (n.Kind == CpsNotificationKind.PagingAnnounced) pages.Add(n.Text); };
        Assert.True(cps.Engine.Page(CpsHarness.N("7580"), CpsHarness.N("7005")).Succeeded);
        var callerLeg = Arrive(cps);
        var call = cps.CallFrom(Caller);
        Assert.Equal(ProcessingState.Paging, call.Processing);
        Assert.Equal(CpsHarness.N("3350"), call.CallbackNumber);
        Assert.Equal(MediaSource.Music("DEFAULT-DefaultMoH"), cps.Legs.Hears[callerLeg]);
        Assert.Contains(pages, text => text.Contains("Standard pager announcements") && text.Contains("+4950505803350"));

        var pickup = new LegId(900);
        cps.Engine.OnIncomingLeg(pickup, CpsHarness.N("3350"), "+4950505807005");
        Assert.Equal((callerLeg, pickup), cps.Legs.Joins.Last());
        cps.Engine.OnLegsJoined(callerLeg, pickup);

        Assert.Equal(CallDisposition.Answered, call.Record.Disposition);
        Assert.Equal("+4950505807005", call.Record.AnsweredBy);
        Assert.Equal(0, cps.Engine.CallbackNumbers.InUse);
        cps.Check();
    }

    [Fact]
    public void A_call_on_its_way_to_the_processing_queue_cannot_be_released_and_if_it_ends_its_request_number_is_free_at_once()
    {
        var cps = Connected();
        Assert.True(cps.Engine.Park(CpsHarness.N("7580")).Succeeded);

        var release = cps.Engine.Release(CpsHarness.N("7580"));
        Assert.Contains("on its way to the processing queue", release.Error);

        cps.Engine.OnAttendantCallEnded(CpsHarness.N("7580")); // the caller hung up before the PBX moved the call
        var call = cps.Engine.Records.Single();
        Assert.Equal(CallDisposition.Answered, call.Disposition);
        Assert.Equal(0, cps.Engine.RequestNumbers.InUse);
        cps.Check();

        var late = Arrive(cps); // the PBX's transfer crossed the hang-up: nothing waits on that number any more
        Assert.Equal((late, RejectReason.NotFound), cps.Legs.Rejects.Last());
        Assert.Empty(cps.Engine.LiveCalls);
        cps.Check();
    }

    [Fact]
    public void A_paged_call_being_taken_by_the_wanted_person_cannot_be_retrieved()
    {
        var cps = Connected();
        Assert.True(cps.Engine.Page(CpsHarness.N("7580"), CpsHarness.N("7005")).Succeeded);
        var callerLeg = Arrive(cps);
        cps.Engine.OnIncomingLeg(new LegId(900), CpsHarness.N("3350"), "+4950505807005");

        var retrieve = cps.Engine.Retrieve(CpsHarness.N("7580"), cps.CallFrom(Caller));

        Assert.Contains("is being taken by +4950505807005", retrieve.Error);
        cps.Check();
        cps.Engine.OnLegsJoined(callerLeg, new LegId(900));
        Assert.Empty(cps.Engine.Channels.Held);
        cps.Check();
    }

    [Fact]
    public void An_unused_callback_or_request_number_is_not_in_service()
    {
        var cps = new CpsHarness();
        var leg = cps.Call("3350");
        Assert.Equal((leg, RejectReason.NotFound), Assert.Single(cps.Legs.Rejects));
    }

    [Fact]
    public void Commands_in_the_wrong_state_are_refused_with_a_reason()
    {
        var cps = new CpsHarness();
        Assert.Contains("no attendant is logged on", cps.Engine.Park(CpsHarness.N("7580")).Error);
        cps.LogOn("7580");
        Assert.Contains("not talking to a Concierge call", cps.Engine.Transfer(CpsHarness.N("7580"), CpsHarness.N("7001")).Error);
        Assert.Contains("no call is waiting", cps.Engine.PickNext(CpsHarness.N("7580")).Error);
    }
}
