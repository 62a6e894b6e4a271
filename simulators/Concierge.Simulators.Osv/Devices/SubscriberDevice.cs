using System.Net;
using Concierge.Simulators.Osv.Configuration;

namespace Concierge.Simulators.Osv.Devices;

/// <summary>The switch's state of one subscriber: where its phone is, its forwarding, agent state and how busy it is.</summary>
public sealed class SubscriberDevice
{
    private IPEndPoint? _phone;

    internal SubscriberDevice(SubscriberConfig config, IPEndPoint? phone)
    {
        Config = config;
        _phone = phone;
    }

    /// <summary>The subscriber's configuration.</summary>
    public SubscriberConfig Config { get; }

    /// <summary>The number (E.164 with '+').</summary>
    public string Number => Config.Number;

    /// <summary>
    /// Where its SIP phone listens: the Contact of a phone that registered for the subscriber (a real SIP phone in
    /// place of the simulated one), else the simulated phone's address; null for profile-only subscribers.
    /// </summary>
    public IPEndPoint? Phone
    {
        get => RegisteredPhone?.Invoke() ?? _phone;
        internal set => _phone = value;
    }

    /// <summary>The Contact of the subscriber's current registration, if a phone registered (read at each use, so an expired binding is gone).</summary>
    internal Func<IPEndPoint?>? RegisteredPhone { get; set; }

    /// <summary>Call forwarding unconditional target, or null.</summary>
    public string? ForwardImmediate { get; internal set; }

    /// <summary>Call forwarding on busy target, or null.</summary>
    public string? ForwardBusy { get; internal set; }

    /// <summary>Call forwarding on no reply target, or null.</summary>
    public string? ForwardNoAnswer { get; internal set; }

    /// <summary>How long the phone rings before forwarding on no reply applies; null = the switch's default.</summary>
    public TimeSpan? ForwardNoAnswerDelay { get; internal set; }

    /// <summary>Do not disturb: new calls find the device busy (CFB applies).</summary>
    public bool DoNotDisturb { get; internal set; }

    /// <summary>Agent ready for hunt-group calls (false = make busy / not ready).</summary>
    public bool AgentReady { get; internal set; } = true;

    /// <summary>Calls the device takes part in now (ringing, talking, held).</summary>
    public int ActiveCalls { get; internal set; }

    /// <summary>When the device last became idle (UCD picks the longest idle).</summary>
    public DateTimeOffset IdleSince { get; internal set; } = DateTimeOffset.MinValue;

    /// <summary>True when a new call would find it busy (a call active and call waiting off).</summary>
    public bool IsBusy => DoNotDisturb || (ActiveCalls > 0 && !Config.CallWaiting);
}
