using Concierge.Config.Numbers;
using Concierge.Cps.Engine;
using Concierge.Csta.Messages;
using Concierge.Runtime.Collections;

namespace Concierge.Cps.Tests.Csta;

/// <summary>
/// The switch accepts the single-step transfer of an attendant's call to a request number, clears the attendant's
/// connection, but the call never arrives at the CPS (the switch took the CPS's endpoint out of service and failed the
/// call). When the request number times out the CPS asks the switch what the attendant is in: nothing means the call
/// has ended; a call still there stays with the attendant.
/// </summary>
public sealed class LostTransferTests
{
    private const string Attendant = "+4950505807580";
    private static readonly ConnectionId Connection = new("C2", Attendant);

    private readonly CstaControlWorld _world = new(11);
    private readonly List<CstaRequest> _snapshots = new();
    private bool _attendantStillInTheCall;
    private bool _anotherCallRings;

    public LostTransferTests()
    {
        _world.Dispatcher
            .Register<SingleStepTransferCall>((r, c) =>
            {
                if (!_attendantStillInTheCall)
                    _world.Server.Publisher.Publish(Attendant, x => new ConnectionClearedEvent(x, Connection, EventDevice.Of(Attendant), LocalConnectionState.Null, EventCause.NormalClearing));
                c.Respond(new SingleStepTransferCallResponse(new ConnectionId("C2", r.TransferredTo)));
            })
            .Register<SnapshotDevice>((r, c) =>
            {
                _snapshots.Add(r);
                c.Respond(new SnapshotDeviceResponse(_attendantStillInTheCall
                    ? ValueList.Of(new SnapshotCall(Connection, LocalConnectionState.Connected))
                    : _anotherCallRings ? ValueList.Of(new SnapshotCall(new ConnectionId("C9", Attendant), LocalConnectionState.Alerting))
                    : ValueList<SnapshotCall>.Empty));
            })
            .Register<SetForwarding>((_, c) => c.Respond(new SetForwardingResponse()));
        _world.StartAndMonitor();
        _world.ConnectCall(Attendant, Connection);
        _world.Loop.RunFor(TimeSpan.FromMilliseconds(100));
        _snapshots.Clear(); // those of the monitors' start
    }

    [Fact]
    public void A_call_lost_on_its_way_to_the_request_number_ends_once_the_switch_shows_the_attendant_in_no_call()
    {
        // Found by `./run-sim.sh swarm --seed 77`: the switch failed the transferred call (503, CPS endpoint not
        // registered after unanswered keep-alives); the call stayed with its attendant for ever.
        var device = E164Number.Parse(Attendant);
        Assert.True(_world.Engine.Transfer(device, E164Number.Parse("+4950505807005")).Succeeded);
        _world.Loop.RunFor(CpsEngine.RequestNumberTimeout + TimeSpan.FromSeconds(1));

        Assert.Single(_snapshots);
        Assert.Null(_world.Engine.Attendant(device)!.CurrentCall);
        Assert.Equal(Cps.Records.CallDisposition.Answered, _world.Engine.Records.Single().Disposition);
        _world.Engine.CheckInvariants();
    }

    [Fact]
    public void A_call_the_switch_still_shows_at_the_attendant_stays_with_the_attendant_after_the_request_number_timed_out()
    {
        _attendantStillInTheCall = true;
        var device = E164Number.Parse(Attendant);
        Assert.True(_world.Engine.Park(device).Succeeded);
        _world.Loop.RunFor(CpsEngine.RequestNumberTimeout + TimeSpan.FromSeconds(1));

        Assert.Single(_snapshots);
        Assert.NotNull(_world.Engine.Attendant(device)!.CurrentCall);
        Assert.Null(_world.Engine.Records.Single().Disposition);
        _world.Engine.CheckInvariants();
    }

    [Fact]
    public void A_call_ringing_at_the_attendant_meanwhile_is_another_call_and_the_lost_one_ends()
    {
        // Found by `./run-sim.sh swarm --seed 54`: with the CPS out of service the switch's fallback hunt group rang the
        // attendant directly; that call was taken for the lost one.
        _anotherCallRings = true;
        var device = E164Number.Parse(Attendant);
        Assert.True(_world.Engine.Park(device).Succeeded);
        _world.Loop.RunFor(CpsEngine.RequestNumberTimeout + TimeSpan.FromSeconds(1));

        Assert.Null(_world.Engine.Attendant(device)!.CurrentCall);
        Assert.Equal(Cps.Records.CallDisposition.Answered, _world.Engine.Records.Single().Disposition);
        _world.Engine.CheckInvariants();
    }
}
