using Concierge.Csta.Messages;
using Concierge.Sip.UserAgent;

namespace Concierge.Simulators.Osv.Switching;

public sealed partial class OsvSwitch
{
    /// <summary>
    /// Switches forwarding of one type on (to <paramref name="destination"/>) or off (null) for a subscriber, as the
    /// phone, CSTA or the administrator would; monitors get a ForwardingEvent. False when the device or type is unknown.
    /// </summary>
    public bool SetForwarding(string device, ForwardingType type, string? destination)
    {
        if (Device(device) is not { } subscriber) return false;
        switch (type)
        {
            case ForwardingType.Immediate or ForwardingType.ImmediateExternal or ForwardingType.ImmediateInternal:
                subscriber.ForwardImmediate = destination;
                break;
            case ForwardingType.Busy or ForwardingType.BusyExternal or ForwardingType.BusyInternal:
                subscriber.ForwardBusy = destination;
                break;
            case ForwardingType.NoAnswer or ForwardingType.NoAnswerExternal or ForwardingType.NoAnswerInternal:
                subscriber.ForwardNoAnswer = destination;
                break;
            default:
                return false;
        }
        _events.Forwarding(subscriber.Number, type, destination is not null, destination);
        Trace($"forwarding {type} of {subscriber.Number} → {destination ?? "off"}");
        return true;
    }

    /// <summary>Sets how long a subscriber's phone rings before its forwarding on no reply applies (null: the switch's default).</summary>
    public bool SetNoAnswerForwardingDelay(string device, TimeSpan? delay)
    {
        if (Device(device) is not { } subscriber || delay < TimeSpan.Zero) return false;
        subscriber.ForwardNoAnswerDelay = delay;
        return true;
    }

    /// <summary>Makes a subscriber ready (true) or not ready / hunt group busy (false) for hunt-group calls; monitors get an agent event.</summary>
    public bool SetAgentReady(string device, bool ready)
    {
        if (Device(device) is not { } subscriber) return false;
        subscriber.AgentReady = ready;
        _events.Agent(subscriber.Number, ready);
        if (ready) Loop.Post(ServeQueues);
        return true;
    }

    /// <summary>Switches do-not-disturb on or off for a subscriber; monitors get a DoNotDisturbEvent.</summary>
    public bool SetDoNotDisturb(string device, bool on)
    {
        if (Device(device) is not { } subscriber) return false;
        subscriber.DoNotDisturb = on;
        _events.DoNotDisturb(subscriber.Number, on);
        return true;
    }

    /// <summary>The calls a device takes part in now, with its state in each (CSTA SnapshotDevice).</summary>
    public IReadOnlyList<(ConnectionId Connection, LocalConnectionState State)> Snapshot(string device)
    {
        var number = Device(device)?.Number ?? device;
        var list = new List<(ConnectionId, LocalConnectionState)>();
        foreach (var call in _calls.Where(c => !c.IsOver))
        {
            SipCall? leg = call.ADevice == number ? call.A : call.BDevice == number ? call.B : null;
            if (leg is null || leg.State is SipCallState.Terminating or SipCallState.Ended) continue;
            var state = call.HeldDevices.Contains(number) ? LocalConnectionState.Hold
                : IsUp(leg) ? LocalConnectionState.Connected
                : leg == call.B ? LocalConnectionState.Alerting
                : LocalConnectionState.Initiated;
            list.Add((new ConnectionId(call.CstaCallId, number), state));
        }
        return list;
    }
}
