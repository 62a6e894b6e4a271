using Concierge.Csta.Devices;

namespace Concierge.Cps.Csta;

/// <summary>What an attendant's busy lamp field shows for a device, in the words of the attendant client (C 2.2.1).</summary>
public static class BusyLampText
{
    /// <summary>Shown for every device when the CPS has no CSTA link (SIP only).</summary>
    public const string Unavailable = "unavailable";

    /// <summary>idle, ringing, busy (also for held calls), forwarded, do not disturb, out of service, or unknown (no picture yet, or the link is down).</summary>
    public static string Of(LampState state) => state switch
    {
        LampState.Idle => "idle",
        LampState.Alerting => "ringing",
        LampState.Busy or LampState.Held => "busy",
        LampState.Forwarded => "forwarded",
        LampState.DoNotDisturb => "do not disturb",
        LampState.OutOfService => "out of service",
        _ => "unknown",
    };
}
