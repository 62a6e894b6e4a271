namespace Concierge.Csta.Messages;

/// <summary>The cause carried by a CSTA event; an open set, so unknown values from a switch survive a round trip.</summary>
public readonly record struct EventCause(string Value)
{
    /// <summary>A new call.</summary>
    public static readonly EventCause NewCall = new("newCall");
    /// <summary>Normal clearing.</summary>
    public static readonly EventCause NormalClearing = new("normalClearing");
    /// <summary>The call was transferred.</summary>
    public static readonly EventCause Transfer = new("transfer");
    /// <summary>A single-step transfer.</summary>
    public static readonly EventCause SingleStepTransfer = new("singleStepTransfer");
    /// <summary>Call forwarding.</summary>
    public static readonly EventCause CallForward = new("callForward");
    /// <summary>Forwarding immediate.</summary>
    public static readonly EventCause CallForwardImmediate = new("callForwardImmediate");
    /// <summary>Forwarding on busy.</summary>
    public static readonly EventCause CallForwardBusy = new("callForwardBusy");
    /// <summary>Forwarding on no answer.</summary>
    public static readonly EventCause CallForwardNoAnswer = new("callForwardNoAnswer");
    /// <summary>Deflection.</summary>
    public static readonly EventCause Redirected = new("redirected");
    /// <summary>The called device is busy.</summary>
    public static readonly EventCause Busy = new("busy");
    /// <summary>A consultation call.</summary>
    public static readonly EventCause Consultation = new("consultation");
    /// <summary>A conference.</summary>
    public static readonly EventCause Conference = new("conference");
    /// <summary>The call entered a distribution (hunt group, ACD) and waits there.</summary>
    public static readonly EventCause EnteringDistribution = new("enteringDistribution");
    /// <summary>The destination cannot be reached.</summary>
    public static readonly EventCause DestinationNotObtainable = new("destNotObtainable");
    /// <summary>The number is invalid.</summary>
    public static readonly EventCause InvalidNumberFormat = new("invalidNumberFormat");
    /// <summary>The device went or came back into service.</summary>
    public static readonly EventCause MaintenanceChange = new("maintenance");
    /// <summary>The call was not answered in time.</summary>
    public static readonly EventCause CallNotAnswered = new("callNotAnswered");
    /// <summary>No agent was available for the call.</summary>
    public static readonly EventCause NoAvailableAgents = new("noAvailableAgents");

    /// <inheritdoc />
    public override string ToString() => Value;
}
