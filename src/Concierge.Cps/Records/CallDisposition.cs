namespace Concierge.Cps.Records;

/// <summary>How a call that entered the CPS ended; every call gets exactly one.</summary>
public enum CallDisposition
{
    /// <summary>Connected to an attendant, a transfer target or a paged person.</summary>
    Answered,
    /// <summary>The caller hung up before being connected.</summary>
    Abandoned,
    /// <summary>The caller got busy tone (busy variant or overload).</summary>
    Busy,
    /// <summary>The caller heard an announcement that ended the call.</summary>
    Announcement,
    /// <summary>Sent on to another destination (forwarding variant or overload forward).</summary>
    Forwarded,
    /// <summary>Waited longer than the maximum time in queue and went to the time overflow variant.</summary>
    Overflow,
    /// <summary>Handled by the PBX's fallback hunt group because the CPS could not be reached.</summary>
    Fallback,
    /// <summary>Could not be handled (number not in service, a leg failed, the CPS stopped).</summary>
    Failed,
}
