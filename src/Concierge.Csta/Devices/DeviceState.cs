using Concierge.Csta.Messages;

namespace Concierge.Csta.Devices;

/// <summary>One active forwarding of a device: its type and destination.</summary>
public sealed record ActiveForwarding(ForwardingType Type, string? Destination);

/// <summary>One call of a device and the device's state in it.</summary>
public sealed record DeviceCall(string CallId, LocalConnectionState State);

/// <summary>
/// The current picture of one monitored device: its calls, forwardings, do-not-disturb, service and agent state, the
/// Unify Phone ONS/OND pair last reported in OSV V8 private data, and the lamp those add up to.
/// </summary>
public sealed record DeviceState(
    string Device,
    bool Known,
    ValueList<DeviceCall> Calls,
    ValueList<ActiveForwarding> Forwardings,
    bool DoNotDisturb,
    bool OutOfService,
    AgentState? Agent,
    OnsOndPair? UnifyPhone = null)
{
    /// <summary>A device nothing is known about yet.</summary>
    public static DeviceState UnknownOf(string device) =>
        new(device, false, ValueList<DeviceCall>.Empty, ValueList<ActiveForwarding>.Empty, false, false, null);

    /// <summary>The lamp: out of service, then ringing, busy, held, then do-not-disturb, forwarded, idle.</summary>
    public LampState Lamp
    {
        get
        {
            if (!Known) return LampState.Unknown;
            if (OutOfService) return LampState.OutOfService;
            var anyBusy = false;
            var anyAlerting = false;
            var anyHeld = false;
            foreach (var call in Calls)
            {
                switch (call.State)
                {
                    case LocalConnectionState.Connected or LocalConnectionState.Initiated or LocalConnectionState.Fail: anyBusy = true; break;
                    case LocalConnectionState.Alerting: anyAlerting = true; break;
                    case LocalConnectionState.Hold: anyHeld = true; break;
                }
            }
            if (anyAlerting) return LampState.Alerting;
            if (anyBusy) return LampState.Busy;
            if (anyHeld) return LampState.Held;
            if (DoNotDisturb) return LampState.DoNotDisturb;
            foreach (var forwarding in Forwardings)
            {
                if (forwarding.Type is ForwardingType.Immediate or ForwardingType.ImmediateInternal or ForwardingType.ImmediateExternal) return LampState.Forwarded;
            }
            return LampState.Idle;
        }
    }

    /// <summary>The unconditional forwarding destination, if one is on.</summary>
    public ActiveForwarding? ForwardedTo => Forwardings.FirstOrDefault(f => f.Type == ForwardingType.Immediate);
}

/// <summary>A device's picture changed (for the attendant API).</summary>
public sealed record DeviceStateChanged(DeviceState Previous, DeviceState Current);
