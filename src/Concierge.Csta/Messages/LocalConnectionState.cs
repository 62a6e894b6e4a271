namespace Concierge.Csta.Messages;

/// <summary>The state of the monitored device's own connection in a call (localConnectionInfo).</summary>
public enum LocalConnectionState
{
    /// <summary>No connection (the device has left the call).</summary>
    Null,
    /// <summary>Dialling or about to dial.</summary>
    Initiated,
    /// <summary>Ringing.</summary>
    Alerting,
    /// <summary>Talking.</summary>
    Connected,
    /// <summary>On hold.</summary>
    Hold,
    /// <summary>Waiting in a queue.</summary>
    Queued,
    /// <summary>The call attempt failed.</summary>
    Fail,
}
