namespace Concierge.Csta.Messages;

/// <summary>The category of a CSTAErrorCode response; the value inside is the specific error.</summary>
public enum ErrorCategory
{
    /// <summary>The operation itself is wrong (invalid device, invalid connection, generic …).</summary>
    Operation,
    /// <summary>Security.</summary>
    Security,
    /// <summary>The request does not fit the current state (invalidObjectState, noActiveCall …).</summary>
    StateIncompatibility,
    /// <summary>The switch lacks resources.</summary>
    SystemResourceAvailability,
    /// <summary>A subscribed resource is missing (objectMonitorLimitExceeded …).</summary>
    SubscribedResourceAvailability,
    /// <summary>Performance limits.</summary>
    PerformanceManagement,
    /// <summary>Private data problems.</summary>
    PrivateData,
    /// <summary>Anything else.</summary>
    Unspecified,
}
