using Concierge.Csta.Messages;

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

    /// <summary>Makes a subscriber ready (true) or not ready / hunt group busy (false) for hunt-group calls; monitors get an agent event.</summary>
    public bool SetAgentReady(string device, bool ready)
    {
        if (Device(device) is not { } subscriber) return false;
        subscriber.AgentReady = ready;
        _events.Agent(subscriber.Number, ready);
        if (ready) Agent.Loop.Post(ServeQueues);
        return true;
    }
}
