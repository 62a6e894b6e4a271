using Concierge.Config.Numbers;
using Concierge.Cps.Calls;
using Concierge.Cps.Legs;
using Concierge.Cps.Records;
using Concierge.Csta.Messages;

namespace Concierge.Cps.Tests.Csta;

public sealed class CstaPbxControlTests
{
    private const string Attendant = "+4950505807580";
    private readonly CstaControlWorld _world = new(3);
    private readonly List<CstaRequest> _received = new();

    public CstaPbxControlTests()
    {
        _world.Dispatcher
            .Register<SetForwarding>((r, c) => { _received.Add(r); c.Respond(new SetForwardingResponse()); })
            .Register<ClearConnection>((r, c) => { _received.Add(r); c.Respond(new ClearConnectionResponse()); })
            .Register<SingleStepTransferCall>((r, c) => { _received.Add(r); c.Respond(new SingleStepTransferCallResponse(r.ActiveCall)); });
        _world.StartAndMonitor();
    }

    [Fact]
    public void Every_attendant_device_is_monitored()
    {
        Assert.Equal(4, _world.Server.Publisher.Count);
        Assert.Equal(1, _world.Server.Publisher.CountFor(Attendant));
    }

    [Fact]
    public void Personal_line_forwarding_release_and_the_end_of_the_call_go_over_the_link()
    {
        var device = E164Number.Parse(Attendant);
        _world.Engine.LogOn(device);
        _world.Engine.OnIncomingLeg(new LegId(1), E164Number.Parse("+4950505803201"), "+493011100001");
        var attendantLeg = _world.Legs.LastDialTo(device);
        _world.Engine.OnLegAnswered(attendantLeg);
        _world.Engine.OnLegsJoined(new LegId(1), attendantLeg);
        _world.Server.Publisher.Publish(Attendant, x => new EstablishedEvent(x, new ConnectionId("call-7", Attendant), EventDevice.Of(Attendant),
            EventDevice.Of("+493011100001"), EventDevice.Of(Attendant), null, LocalConnectionState.Connected, EventCause.NormalClearing));
        _world.Loop.RunFor(TimeSpan.FromSeconds(1));

        var cfu = Assert.IsType<SetForwarding>(Assert.Single(_received));
        Assert.Equal((Attendant, ForwardingType.Immediate, true, "+4950505803220"), (cfu.Device, cfu.ForwardingType, cfu.ActivateForward, cfu.ForwardDn));

        Assert.True(_world.Engine.Release(device).Succeeded);
        _world.Loop.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(new ConnectionId("call-7", Attendant), Assert.IsType<ClearConnection>(_received[1]).ConnectionToBeCleared);

        _world.Server.Publisher.Publish(Attendant, x => new ConnectionClearedEvent(x, new ConnectionId("call-7", Attendant), EventDevice.Of(Attendant),
            LocalConnectionState.Null, EventCause.NormalClearing));
        _world.Loop.RunFor(TimeSpan.FromSeconds(1));

        Assert.Equal(CallDisposition.Answered, _world.Engine.Records.Single().Disposition);
        var off = Assert.IsType<SetForwarding>(_received[2]);
        Assert.False(off.ActivateForward);
        _world.Engine.CheckInvariants();
    }

    [Fact]
    public void Park_is_a_single_step_transfer_of_the_attendants_connection_to_a_request_number()
    {
        var device = E164Number.Parse(Attendant);
        _world.ConnectCall(Attendant, new ConnectionId("call-9", Attendant));
        _world.Loop.RunFor(TimeSpan.FromSeconds(1));

        Assert.True(_world.Engine.Park(device).Succeeded);
        _world.Loop.RunFor(TimeSpan.FromSeconds(1));

        var transfer = Assert.IsType<SingleStepTransferCall>(_received.Last());
        Assert.Equal(new ConnectionId("call-9", Attendant), transfer.ActiveCall);
        Assert.Equal("+4950505803301", transfer.TransferredTo);
    }

    [Fact]
    public void The_switch_clearing_a_parked_connection_before_the_call_arrives_on_the_request_number_does_not_end_the_call()
    {
        var device = E164Number.Parse(Attendant);
        _world.ConnectCall(Attendant, new ConnectionId("call-11", Attendant));
        _world.Loop.RunFor(TimeSpan.FromSeconds(1));
        Assert.True(_world.Engine.Park(device).Succeeded);
        _world.Loop.RunFor(TimeSpan.FromSeconds(1));

        // The transfer's events overtake the call on its way to the request number (or, lagging, come after it).
        _world.Server.Publisher.Publish(Attendant, x => new ConnectionClearedEvent(x, new ConnectionId("call-11", Attendant), EventDevice.Of(Attendant),
            LocalConnectionState.Null, EventCause.Transfer));
        _world.Loop.RunFor(TimeSpan.FromSeconds(1));

        Assert.Null(_world.Engine.Records.Single().Disposition);
        _world.Engine.OnIncomingLeg(new LegId(2), E164Number.Parse("+4950505803301"), "+493011100001");
        Assert.Equal(ProcessingState.Parked, _world.Engine.FindCallFrom("+493011100001")!.Processing);
        _world.Engine.CheckInvariants();
    }

    [Fact]
    public void Losing_the_link_is_reported_as_a_switch_over_trigger()
    {
        var lost = new List<string>();
        _world.Control.LinkLost += lost.Add;

        _world.Network.Cut("cps", "osv");
        _world.Loop.RunFor(TimeSpan.FromSeconds(60));

        Assert.NotEmpty(lost);
        Assert.False(_world.Control.IsLinkUp);
        Assert.False(_world.Engine.PbxLinkUp);

        _world.Network.Restore("cps", "osv");
        Assert.True(_world.Loop.RunUntil(() => _world.Engine.PbxLinkUp, TimeSpan.FromMinutes(2)));
    }
}
