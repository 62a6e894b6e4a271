namespace Concierge.Csta.Devices;

/// <summary>What a busy-lamp-field key shows for a device, the most important condition winning.</summary>
public enum LampState
{
    /// <summary>No current picture (not monitored yet, or the link is down).</summary>
    Unknown,
    /// <summary>Free.</summary>
    Idle,
    /// <summary>Ringing.</summary>
    Alerting,
    /// <summary>In a call (talking, dialling, ringback, busy tone).</summary>
    Busy,
    /// <summary>Only held calls.</summary>
    Held,
    /// <summary>Free, with call forwarding unconditional on.</summary>
    Forwarded,
    /// <summary>Free, with do-not-disturb on.</summary>
    DoNotDisturb,
    /// <summary>Out of service.</summary>
    OutOfService,
}
