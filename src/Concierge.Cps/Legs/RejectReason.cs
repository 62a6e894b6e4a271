namespace Concierge.Cps.Legs;

/// <summary>Why the CPS refuses an incoming leg; the SIP adapter maps each to a status code.</summary>
public enum RejectReason
{
    /// <summary>Busy tone for the caller (486 Busy Here).</summary>
    Busy,
    /// <summary>The number is not served here (404 Not Found).</summary>
    NotFound,
    /// <summary>The CPS does not take calls now (503 Service Unavailable: the PBX falls back).</summary>
    Unavailable,
    /// <summary>The CPS runs in config mode and takes no calls until it is restarted (503 Service Unavailable: the PBX falls back).</summary>
    ConfigMode,
}
