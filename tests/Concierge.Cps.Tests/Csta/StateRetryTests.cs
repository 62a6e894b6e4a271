using Concierge.Config.Numbers;
using Concierge.Cps.Csta;
using Concierge.Csta.Messages;
using Concierge.Runtime.Collections;

namespace Concierge.Cps.Tests.Csta;

/// <summary>
/// A request the switch refuses for the call's momentary state is built again for the retry: when the switch joined
/// the attendant's call into another one meanwhile (a Transferred event with the new connection), the retry uses the
/// new connection instead of repeating the stale one. A request for a connection the switch has not reported yet waits
/// for it, bounded.
/// </summary>
public sealed class StateRetryTests
{
    private const string Attendant = "+4950505807580";
    private static readonly ConnectionId Before = new("C2", Attendant);
    private static readonly ConnectionId After = new("C1", Attendant);

    private readonly CstaControlWorld _world = new(9);
    private readonly List<CstaRequest> _received = new();

    public StateRetryTests()
    {
        _world.Dispatcher
            .Register<SingleStepTransferCall>((r, c) =>
            {
                _received.Add(r);
                c.Respond(r.ActiveCall != Before ? new SingleStepTransferCallResponse(r.ActiveCall) : CstaErrorResponse.InvalidObjectState);
            })
            .Register<ClearConnection>((r, c) =>
            {
                _received.Add(r);
                c.Respond(r.ConnectionToBeCleared != Before ? new ClearConnectionResponse() : CstaErrorResponse.InvalidObjectState);
            })
            .Register<SetForwarding>((_, c) => c.Respond(new SetForwardingResponse()));
        _world.StartAndMonitor();
        ConnectCall();
    }

    /// <summary>A call is connected to the attendant; the switch reports the attendant's connection as <see cref="Before"/>.</summary>
    private void ConnectCall()
    {
        _world.ConnectCall(Attendant, Before);
        _world.Loop.RunFor(TimeSpan.FromMilliseconds(100));
    }

    /// <summary>The switch joins the attendant's call into another one and reports the new connection.</summary>
    private void SwitchJoinsTheCall() =>
        _world.Server.Publisher.Publish(Attendant, x => new TransferredEvent(x, Before, null, EventDevice.Of(Attendant), EventDevice.Of(Attendant),
            ValueList.Of(new ConnectionListItem(After, Before, EventDevice.Of(Attendant))), LocalConnectionState.Connected, EventCause.Transfer));

    [Fact]
    public void A_call_cleared_while_its_transfer_is_refused_ends_at_the_CPS()
    {
        // Found by `concierge-sim explore --faults slow` (seed 50): the caller hung up as the attendant put the call on
        // hold; the clearing was taken for the transfer's and the refusal that followed left the call connected for ever.
        var device = E164Number.Parse(Attendant);
        Assert.True(_world.Engine.Hold(device).Succeeded);
        _world.Server.Publisher.Publish(Attendant, x => new ConnectionClearedEvent(x, Before, EventDevice.Of(Attendant), LocalConnectionState.Null, EventCause.NormalClearing));
        _world.Loop.RunFor(TimeSpan.FromSeconds(2));

        Assert.Single(_received);
        Assert.Equal(Cps.Records.CallDisposition.Answered, _world.Engine.Records.Single().Disposition);
        Assert.Null(_world.Engine.Attendant(device)!.CurrentCall);
        _world.Engine.CheckInvariants();
    }

    [Fact]
    public void A_transfer_the_switch_refused_for_good_leaves_the_call_with_the_attendant_and_its_clearing_ends_it()
    {
        // Found by `concierge-sim explore --faults slow` (seed 21): the refused transfer's connection was still
        // taken for one transferred away, so the caller hanging up later never ended the call at the CPS.
        var device = E164Number.Parse(Attendant);
        Assert.True(_world.Engine.Park(device).Succeeded);
        _world.Loop.RunFor(TimeSpan.FromSeconds(2));
        Assert.Equal(1 + CstaPbxControl.StateRetries, _received.Count);
        Assert.Equal(1, _world.Control.FailedRequests);

        _world.Loop.RunFor(TimeSpan.FromMinutes(1));
        _world.Server.Publisher.Publish(Attendant, x => new ConnectionClearedEvent(x, Before, EventDevice.Of(Attendant), LocalConnectionState.Null, EventCause.NormalClearing));
        _world.Loop.RunFor(TimeSpan.FromSeconds(1));

        Assert.Equal(Cps.Records.CallDisposition.Answered, _world.Engine.Records.Single().Disposition);
        Assert.Null(_world.Engine.Attendant(device)!.CurrentCall);
        _world.Engine.CheckInvariants();
    }

    [Fact]
    public void A_retry_for_a_call_that_ended_meanwhile_is_dropped_not_applied_to_the_attendants_next_call()
    {
        // Found by `concierge-sim explore` (seed 155): a waiting single-step transfer took the connection of the
        // attendant's next call and sent that caller to a request number the CPS no longer used.
        var device = E164Number.Parse(Attendant);
        Assert.True(_world.Engine.Park(device).Succeeded);
        _world.Loop.RunFor(TimeSpan.FromMilliseconds(50));
        Assert.Equal(Before, Assert.IsType<SingleStepTransferCall>(Assert.Single(_received)).ActiveCall);

        var next = new ConnectionId("C3", Attendant);
        _world.Server.Publisher.Publish(Attendant, x => new ConnectionClearedEvent(x, Before, EventDevice.Of(Attendant), LocalConnectionState.Null, EventCause.NormalClearing));
        _world.Server.Publisher.Publish(Attendant, x => new EstablishedEvent(x, next, EventDevice.Of(Attendant), EventDevice.Of("+493011100002"),
            EventDevice.Of(Attendant), null, LocalConnectionState.Connected, EventCause.NewCall));
        _world.Loop.RunFor(TimeSpan.FromSeconds(3));

        Assert.Single(_received);
        Assert.Equal(1, _world.Control.DroppedRequests);
    }

    [Fact]
    public void A_refused_transfer_is_retried_on_the_connection_the_switch_reported_meanwhile()
    {
        _world.Control.TransferActiveCall(E164Number.Parse(Attendant), E164Number.Parse("+4950505803301"));
        SwitchJoinsTheCall();
        _world.Loop.RunFor(TimeSpan.FromSeconds(2));

        var tries = _received.OfType<SingleStepTransferCall>().ToList();
        Assert.Equal([Before, After], tries.Select(t => t.ActiveCall));
        Assert.Equal(0, _world.Control.FailedRequests);
    }

    [Fact]
    public void A_refused_clear_is_retried_on_the_connection_the_switch_reported_meanwhile()
    {
        _world.Control.ClearActiveCall(E164Number.Parse(Attendant));
        SwitchJoinsTheCall();
        _world.Loop.RunFor(TimeSpan.FromSeconds(2));

        Assert.Equal([Before, After], _received.OfType<ClearConnection>().Select(c => c.ConnectionToBeCleared));
        Assert.Equal(0, _world.Control.FailedRequests);
    }

    [Fact]
    public void A_stale_connection_the_switch_keeps_refusing_fails_after_the_bounded_retries()
    {
        _world.Control.TransferActiveCall(E164Number.Parse(Attendant), E164Number.Parse("+4950505803301"));
        _world.Loop.RunFor(TimeSpan.FromSeconds(5));

        Assert.Equal(1 + CstaPbxControl.StateRetries, _received.OfType<SingleStepTransferCall>().Count());
        Assert.Equal(1, _world.Control.FailedRequests);
    }

    [Fact]
    public void A_transfer_waits_for_the_switch_to_report_the_connection_and_then_uses_it()
    {
        var late = E164Number.Parse("+4950505807581");
        _world.Control.TransferActiveCall(late, E164Number.Parse("+4950505803301"));
        _world.Loop.RunFor(TimeSpan.FromMilliseconds(600));
        Assert.Empty(_received.OfType<SingleStepTransferCall>());

        var connection = new ConnectionId("C1", late.ToString());
        _world.Server.Publisher.Publish(late.ToString(), x => new EstablishedEvent(x, connection, EventDevice.Of(late.ToString()),
            EventDevice.Of("+493011100001"), EventDevice.Of(late.ToString()), null, LocalConnectionState.Connected, EventCause.NewCall));
        _world.Loop.RunFor(TimeSpan.FromSeconds(1));

        Assert.Equal(new ConnectionId("C1", late.ToString()), Assert.Single(_received.OfType<SingleStepTransferCall>()).ActiveCall);
    }

    [Fact]
    public void A_clear_for_a_connection_never_reported_fails_after_the_wait_limit()
    {
        _world.Control.ClearActiveCall(E164Number.Parse("+4950505807582"));
        _world.Loop.RunFor(CstaPbxControl.ConnectionWaitLimit + TimeSpan.FromSeconds(1));

        Assert.Empty(_received.OfType<ClearConnection>());
        Assert.Equal(1, _world.Control.FailedRequests);
    }

    [Fact]
    public void A_transfer_refused_for_good_ends_the_call_when_the_switch_shows_the_attendant_in_no_such_call()
    {
        // Found by `run-sim.sh swarm` (seed 2): the switch cleared the call while the CSTA link was coming back, its
        // clearing never reached the CPS, and every later transfer was refused: the call stayed with the attendant.
        _world.Dispatcher.Register<SnapshotDevice>((r, c) => c.Respond(new SnapshotDeviceResponse(ValueList<SnapshotCall>.Empty)));
        var device = E164Number.Parse(Attendant);
        Assert.True(_world.Engine.Park(device).Succeeded);
        _world.Loop.RunFor(TimeSpan.FromSeconds(3));

        Assert.Equal(1 + CstaPbxControl.StateRetries, _received.Count);
        Assert.Null(_world.Engine.Attendant(device)!.CurrentCall);
        Assert.Equal(Cps.Records.CallDisposition.Answered, _world.Engine.Records.Single().Disposition);
        _world.Engine.CheckInvariants();
    }

    [Fact]
    public void A_transfer_refused_for_good_leaves_the_call_when_the_switch_still_shows_it()
    {
        _world.Dispatcher.Register<SnapshotDevice>((r, c) =>
            c.Respond(new SnapshotDeviceResponse(ValueList.Of(new SnapshotCall(Before, LocalConnectionState.Connected)))));
        var device = E164Number.Parse(Attendant);
        Assert.True(_world.Engine.Park(device).Succeeded);
        _world.Loop.RunFor(TimeSpan.FromSeconds(3));

        Assert.NotNull(_world.Engine.Attendant(device)!.CurrentCall);
        Assert.Null(_world.Engine.Records.Single().Disposition);
    }
}
