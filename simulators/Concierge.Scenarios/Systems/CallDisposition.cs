namespace Concierge.Scenarios.Systems;

/// <summary>How a call ended (STEPS.md dispositions).</summary>
public enum CallDisposition
{
    /// <summary>Connected to an attendant or target.</summary>
    Answered,
    /// <summary>The caller hung up first.</summary>
    Abandoned,
    /// <summary>Ended on busy tone.</summary>
    Busy,
    /// <summary>Ended after an announcement.</summary>
    Announcement,
    /// <summary>Forwarded to another destination.</summary>
    Forwarded,
    /// <summary>Sent to the time overflow variant.</summary>
    Overflow,
    /// <summary>Went to the fallback hunt group.</summary>
    Fallback,
    /// <summary>Failed.</summary>
    Failed,
}
