using Concierge.Csta.Devices;
using Concierge.Csta.Messages;

namespace Concierge.Csta.Tests.Devices;

public sealed class DeviceEventReducerTests
{
    private const string Me = "3001";
    private const string X = "7";
    private static readonly EventDevice MeDevice = EventDevice.Of(Me);
    private static readonly EventDevice Caller = EventDevice.Of("004930123");
    private static readonly ConnectionId MyConnection = new("c1", Me);

    private static DeviceState Run(params CstaEvent[] events) =>
        events.Aggregate(DeviceState.UnknownOf(Me), DeviceEventReducer.Apply);

    [Fact]
    public void Unmonitored_device_is_unknown()
    {
        Assert.Equal(LampState.Unknown, DeviceState.UnknownOf(Me).Lamp);
    }

    [Fact]
    public void Incoming_call_rings_then_is_busy_then_held_then_busy_then_idle_without_local_connection_info()
    {
        var delivered = new DeliveredEvent(X, MyConnection, MeDevice, Caller, MeDevice, null, null, null);
        var established = new EstablishedEvent(X, MyConnection, MeDevice, Caller, MeDevice, null, null, null);
        var held = new HeldEvent(X, MyConnection, MeDevice, null, null);
        var retrieved = new RetrievedEvent(X, MyConnection, MeDevice, null, null);
        var cleared = new ConnectionClearedEvent(X, MyConnection, MeDevice, null, EventCause.NormalClearing);

        Assert.Equal(LampState.Alerting, Run(delivered).Lamp);
        Assert.Equal(LampState.Busy, Run(delivered, established).Lamp);
        Assert.Equal(LampState.Held, Run(delivered, established, held).Lamp);
        Assert.Equal(LampState.Busy, Run(delivered, established, held, retrieved).Lamp);
        Assert.Equal(LampState.Idle, Run(delivered, established, held, retrieved, cleared).Lamp);
    }

    [Fact]
    public void Local_connection_info_wins_over_inference()
    {
        // The other party's connection cleared, and the switch says ours is null too.
        var state = Run(
            new EstablishedEvent(X, MyConnection, MeDevice, Caller, MeDevice, null, LocalConnectionState.Connected, null),
            new ConnectionClearedEvent(X, new ConnectionId("c1", "004930123"), Caller, LocalConnectionState.Null, null));
        Assert.Equal(LampState.Idle, state.Lamp);
        var stillTalking = Run(
            new EstablishedEvent(X, MyConnection, MeDevice, Caller, MeDevice, null, LocalConnectionState.Connected, null),
            new ConnectionClearedEvent(X, new ConnectionId("c1", "3002"), EventDevice.Of("3002"), LocalConnectionState.Connected, null));
        Assert.Equal(LampState.Busy, stillTalking.Lamp);
    }

    [Fact]
    public void Outgoing_call_is_busy_from_initiation_until_call_cleared()
    {
        Assert.Equal(LampState.Busy, Run(new ServiceInitiatedEvent(X, MyConnection, MeDevice, null, null)).Lamp);
        Assert.Equal(LampState.Busy, Run(new OriginatedEvent(X, MyConnection, MeDevice, Caller, null, null)).Lamp);
        Assert.Equal(LampState.Idle, Run(new OriginatedEvent(X, MyConnection, MeDevice, Caller, null, null), new CallClearedEvent(X, MyConnection, null, null)).Lamp);
    }

    [Fact]
    public void Forwarding_shows_type_and_destination_and_is_switched_off_again()
    {
        var on = Run(new ForwardingEvent(X, Me, ForwardingType.Immediate, true, "3099"));
        Assert.Equal(LampState.Forwarded, on.Lamp);
        Assert.Equal(new ActiveForwarding(ForwardingType.Immediate, "3099"), on.ForwardedTo);
        var busyToo = DeviceEventReducer.Apply(on, new ForwardingEvent(X, Me, ForwardingType.Busy, true, "3500"));
        Assert.Equal(2, busyToo.Forwardings.Count);
        var off = DeviceEventReducer.Apply(busyToo, new ForwardingEvent(X, Me, ForwardingType.Immediate, false, null));
        Assert.Equal(LampState.Idle, off.Lamp);
        Assert.Equal(new ActiveForwarding(ForwardingType.Busy, "3500"), Assert.Single(off.Forwardings));
    }

    [Fact]
    public void Dnd_out_of_service_and_agent_state_follow_their_events()
    {
        Assert.Equal(LampState.DoNotDisturb, Run(new DoNotDisturbEvent(X, Me, true)).Lamp);
        Assert.Equal(LampState.Idle, Run(new DoNotDisturbEvent(X, Me, true), new DoNotDisturbEvent(X, Me, false)).Lamp);
        Assert.Equal(LampState.OutOfService, Run(new OutOfServiceEvent(X, Me, null)).Lamp);
        Assert.Equal(LampState.Idle, Run(new OutOfServiceEvent(X, Me, null), new BackInServiceEvent(X, Me, null)).Lamp);
        Assert.Equal(AgentState.Ready, Run(new AgentLoggedOnEvent(X, Me, "A1", null), new AgentReadyEvent(X, Me, "A1", null)).Agent);
        Assert.Equal(AgentState.Null, Run(new AgentLoggedOnEvent(X, Me, "A1", null), new AgentLoggedOffEvent(X, Me, "A1", null)).Agent);
    }

    [Fact]
    public void Diverted_call_leaves_the_diverting_device_and_rings_at_the_new_destination()
    {
        var ringing = Run(new DeliveredEvent(X, MyConnection, MeDevice, Caller, MeDevice, null, null, null));
        var diverted = DeviceEventReducer.Apply(ringing, new DivertedEvent(X, MyConnection, MeDevice, EventDevice.Of("3099"), Caller, MeDevice, null, null, null));
        Assert.Equal(LampState.Idle, diverted.Lamp);
        var atDestination = Run(new DivertedEvent(X, MyConnection, EventDevice.Of("3500"), MeDevice, Caller, null, null, null, null));
        Assert.Equal(LampState.Alerting, atDestination.Lamp);
    }

    [Fact]
    public void Transfer_frees_the_transferring_device_and_moves_the_other_party_to_the_new_call()
    {
        var consult = Run(
            new EstablishedEvent(X, MyConnection, MeDevice, Caller, MeDevice, null, null, null),
            new HeldEvent(X, MyConnection, MeDevice, null, null),
            new EstablishedEvent(X, new ConnectionId("c2", Me), EventDevice.Of("3002"), MeDevice, EventDevice.Of("3002"), null, null, null));
        Assert.Equal(2, consult.Calls.Count);
        var transferred = DeviceEventReducer.Apply(consult, new TransferredEvent(X, new ConnectionId("c1", Me), new ConnectionId("c2", Me), MeDevice,
            EventDevice.Of("3002"), ValueList<ConnectionListItem>.Empty, LocalConnectionState.Null, EventCause.Transfer));
        Assert.Equal(LampState.Idle, transferred.Lamp);

        var party = new DeviceState("3002", true, ValueList.Of(new DeviceCall("c2", LocalConnectionState.Connected)), ValueList<ActiveForwarding>.Empty, false, false, null);
        var afterTransfer = DeviceEventReducer.Apply(party, new TransferredEvent(X, new ConnectionId("c1", Me), new ConnectionId("c2", Me), MeDevice,
            EventDevice.Of("3002"), ValueList.Of(new ConnectionListItem(new ConnectionId("c3", "3002"), new ConnectionId("c2", "3002"), EventDevice.Of("3002"))),
            null, EventCause.Transfer));
        Assert.Equal(new DeviceCall("c3", LocalConnectionState.Connected), Assert.Single(afterTransfer.Calls));
    }

    [Fact]
    public void Resync_replaces_calls_forwarding_and_dnd()
    {
        var stale = Run(new DeliveredEvent(X, MyConnection, MeDevice, Caller, MeDevice, null, null, null)) with { Known = false };
        var resynced = DeviceEventReducer.Resynced(stale,
            new SnapshotDeviceResponse(ValueList.Of(new SnapshotCall(new ConnectionId("c7", Me), LocalConnectionState.Hold))),
            new GetForwardingResponse(ValueList.Of(new ForwardListItem(ForwardingType.Immediate, true, "3099"), new ForwardListItem(ForwardingType.Busy, false, null))),
            true);
        Assert.True(resynced.Known);
        Assert.Equal(new DeviceCall("c7", LocalConnectionState.Hold), Assert.Single(resynced.Calls));
        Assert.Equal(new ActiveForwarding(ForwardingType.Immediate, "3099"), Assert.Single(resynced.Forwardings));
        Assert.True(resynced.DoNotDisturb);
        Assert.Equal(LampState.Held, resynced.Lamp);
    }

    [Fact]
    public void Unify_phone_pair_from_v8_private_data_is_kept()
    {
        var delivered = new DeliveredEvent(X, MyConnection, MeDevice, Caller, MeDevice, null, null, null) { PrivateData = PrivateData.ForOnsOnd(Me, "3901") };
        var state = Run(delivered, new EstablishedEvent(X, MyConnection, MeDevice, Caller, MeDevice, null, null, null));
        Assert.Equal(new OnsOndPair(Me, "3901"), state.UnifyPhone);
    }

    [Fact]
    public void Calls_per_device_are_bounded()
    {
        var events = Enumerable.Range(0, 100).Select(i =>
            (CstaEvent)new DeliveredEvent(X, new ConnectionId($"c{i}", Me), MeDevice, Caller, MeDevice, null, null, null)).ToArray();
        Assert.Equal(DeviceEventReducer.MaxCallsPerDevice, Run(events).Calls.Count);
    }
}
