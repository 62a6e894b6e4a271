using Concierge.Csta.Messages;

namespace Concierge.Csta.Devices;

/// <summary>
/// Computes a device's next state from an event on its monitor. The device's own connection state comes from
/// localConnectionInfo when the switch sends it, otherwise it is inferred from which role the device plays in the event.
/// </summary>
public static class DeviceEventReducer
{
    /// <summary>Most calls kept per device; beyond it the oldest is dropped.</summary>
    public const int MaxCallsPerDevice = 16;

    /// <summary>The state after <paramref name="e"/>.</summary>
    public static DeviceState Apply(DeviceState state, CstaEvent e)
    {
        var me = state.Device;
        var known = state with { Known = true, UnifyPhone = e.PrivateData?.OnsOnd ?? state.UnifyPhone };
        return e switch
        {
            ServiceInitiatedEvent x => SetCall(known, x.InitiatedConnection.CallId, x.LocalConnectionInfo ?? (Is(x.InitiatingDevice, me) ? LocalConnectionState.Initiated : null)),
            OriginatedEvent x => SetCall(known, x.OriginatedConnection.CallId, x.LocalConnectionInfo ?? (Is(x.CallingDevice, me) ? LocalConnectionState.Connected : null)),
            DeliveredEvent x => SetCall(known, x.Connection.CallId, x.LocalConnectionInfo ?? (Is(x.AlertingDevice, me) ? LocalConnectionState.Alerting
                : Is(x.CallingDevice, me) ? LocalConnectionState.Connected : null)),
            EstablishedEvent x => SetCall(known, x.EstablishedConnection.CallId, x.LocalConnectionInfo ?? (Is(x.AnsweringDevice, me) || Is(x.CallingDevice, me) ? LocalConnectionState.Connected : null)),
            HeldEvent x => SetCall(known, x.HeldConnection.CallId, x.LocalConnectionInfo ?? (Is(x.HoldingDevice, me) ? LocalConnectionState.Hold : null)),
            RetrievedEvent x => SetCall(known, x.RetrievedConnection.CallId, x.LocalConnectionInfo ?? (Is(x.RetrievingDevice, me) ? LocalConnectionState.Connected : null)),
            ConnectionClearedEvent x => SetCall(known, x.DroppedConnection.CallId, x.LocalConnectionInfo ?? (x.DroppedConnection.DeviceId == me || Is(x.ReleasingDevice, me) ? LocalConnectionState.Null : null)),
            CallClearedEvent x => SetCall(known, x.ClearedCall.CallId, LocalConnectionState.Null),
            DivertedEvent x => SetCall(known, x.Connection.CallId, x.LocalConnectionInfo ?? (Is(x.DivertingDevice, me) ? LocalConnectionState.Null
                : Is(x.NewDestination, me) ? LocalConnectionState.Alerting : null)),
            FailedEvent x => SetCall(known, x.FailedConnection.CallId, x.LocalConnectionInfo ?? (x.FailedConnection.DeviceId == me || Is(x.CallingDevice, me) ? LocalConnectionState.Fail : null)),
            QueuedEvent x => SetCall(known, x.QueuedConnection.CallId, x.LocalConnectionInfo),
            NetworkReachedEvent x => SetCall(known, x.OutboundConnection.CallId, x.LocalConnectionInfo),
            TransferredEvent x => Joined(known, x.PrimaryOldCall, x.SecondaryOldCall, x.TransferringDevice, x.TransferredConnections, x.LocalConnectionInfo),
            ConferencedEvent x => Joined(known, x.PrimaryOldCall, x.SecondaryOldCall, null, x.ConferenceConnections, x.LocalConnectionInfo),
            ForwardingEvent x => SetForwarding(known, x.ForwardingType, x.ForwardStatus, x.ForwardTo),
            DoNotDisturbEvent x => known with { DoNotDisturb = x.DoNotDisturbOn },
            OutOfServiceEvent => known with { OutOfService = true },
            BackInServiceEvent => known with { OutOfService = false },
            AgentLoggedOnEvent => known with { Agent = AgentState.NotReady },
            AgentLoggedOffEvent => known with { Agent = AgentState.Null },
            AgentReadyEvent => known with { Agent = AgentState.Ready },
            AgentNotReadyEvent => known with { Agent = AgentState.NotReady },
            AgentBusyEvent => known with { Agent = AgentState.Busy },
            _ => known,
        };
    }

    /// <summary>The state read from the switch after a monitor (re)started; parts not read keep their old value.</summary>
    public static DeviceState Resynced(DeviceState state, SnapshotDeviceResponse? calls, GetForwardingResponse? forwarding, bool? doNotDisturb)
    {
        var next = state with { Known = true };
        if (calls is not null)
        {
            next = next with
            {
                Calls = new ValueList<DeviceCall>(calls.Calls.Where(c => c.State != LocalConnectionState.Null)
                    .Take(MaxCallsPerDevice).Select(c => new DeviceCall(c.Connection.CallId, c.State))),
            };
        }
        if (forwarding is not null)
        {
            next = next with
            {
                Forwardings = new ValueList<ActiveForwarding>(forwarding.ForwardingList.Where(f => f.ForwardStatus)
                    .Select(f => new ActiveForwarding(f.ForwardingType, f.ForwardDn))),
            };
        }
        if (doNotDisturb is { } dnd) next = next with { DoNotDisturb = dnd };
        return next;
    }

    private static bool Is(EventDevice device, string me) => device.IsKnown && device.Id == me;

    private static bool Is(EventDevice? device, string me) => device is { } d && Is(d, me);

    private static DeviceState SetCall(DeviceState state, string callId, LocalConnectionState? callState)
    {
        if (callState is not { } newState) return state;
        var calls = state.Calls.Where(c => c.CallId != callId).ToList();
        if (newState != LocalConnectionState.Null)
        {
            calls.Add(new DeviceCall(callId, newState));
            if (calls.Count > MaxCallsPerDevice) calls.RemoveAt(0);
        }
        return state with { Calls = new ValueList<DeviceCall>(calls) };
    }

    private static DeviceState Joined(DeviceState state, ConnectionId primary, ConnectionId? secondary, EventDevice? leavingDevice,
        ValueList<ConnectionListItem> connections, LocalConnectionState? local)
    {
        var me = state.Device;
        var oldState = state.Calls.FirstOrDefault(c => c.CallId == primary.CallId || c.CallId == secondary?.CallId)?.State;
        var next = SetCall(state, primary.CallId, LocalConnectionState.Null);
        if (secondary is { } s) next = SetCall(next, s.CallId, LocalConnectionState.Null);
        if (Is(leavingDevice, me) && local is null or LocalConnectionState.Null) return next;
        var mine = connections.FirstOrDefault(c => Is(c.Endpoint, me) || c.NewConnection?.DeviceId == me);
        var newCallId = mine?.NewConnection?.CallId ?? primary.CallId;
        var newState = local ?? (mine is not null || oldState is not null ? oldState ?? LocalConnectionState.Connected : null);
        return SetCall(next, newCallId, newState);
    }

    private static DeviceState SetForwarding(DeviceState state, ForwardingType type, bool on, string? destination)
    {
        var list = state.Forwardings.Where(f => f.Type != type).ToList();
        if (on) list.Add(new ActiveForwarding(type, destination));
        return state with { Forwardings = new ValueList<ActiveForwarding>(list) };
    }
}
