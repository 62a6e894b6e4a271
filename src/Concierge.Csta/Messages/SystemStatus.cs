namespace Concierge.Csta.Messages;

/// <summary>The health a CSTA side reports about itself (systemStatus).</summary>
public enum SystemStatus
{
    /// <summary>Starting up.</summary>
    Initializing,
    /// <summary>Enabled.</summary>
    Enabled,
    /// <summary>Working normally; the usual heartbeat value.</summary>
    Normal,
    /// <summary>Messages were lost.</summary>
    MessagesLost,
    /// <summary>Disabled.</summary>
    Disabled,
    /// <summary>Partly disabled.</summary>
    PartiallyDisabled,
    /// <summary>Overload is near.</summary>
    OverloadImminent,
    /// <summary>Overloaded.</summary>
    OverloadReached,
    /// <summary>Overload is over.</summary>
    OverloadRelieved,
}
