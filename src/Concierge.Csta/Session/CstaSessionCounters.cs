namespace Concierge.Csta.Session;

/// <summary>What a client session has seen; for tests, health and the trace.</summary>
public sealed class CstaSessionCounters
{
    /// <summary>TCP connects attempted.</summary>
    public long ConnectAttempts { get; internal set; }
    /// <summary>Times the link became ready.</summary>
    public long LinksReady { get; internal set; }
    /// <summary>Times a ready or registering link was lost.</summary>
    public long LinksLost { get; internal set; }
    /// <summary>Requests that timed out.</summary>
    public long RequestTimeouts { get; internal set; }
    /// <summary>Answers for invoke ids no longer pending.</summary>
    public long LateAnswers { get; internal set; }
    /// <summary>Frames whose XML could not be decoded.</summary>
    public long DecodeErrors { get; internal set; }
    /// <summary>Messages read whose private data element was malformed and dropped (the message itself was used).</summary>
    public long PrivateDataRejected { get; internal set; }
    /// <summary>Events received on known monitors.</summary>
    public long EventsDelivered { get; internal set; }
    /// <summary>Events for cross-reference ids this link does not know.</summary>
    public long EventsForUnknownMonitors { get; internal set; }
    /// <summary>Heartbeats that got no answer in time.</summary>
    public long HeartbeatsMissed { get; internal set; }
    /// <summary>Monitors stopped because a late MonitorStart answer would have duplicated one.</summary>
    public long DuplicateMonitorsStopped { get; internal set; }
    /// <summary>Events of unknown types (CallInformationEvent …) read and ignored.</summary>
    public long UnknownEventsIgnored { get; internal set; }
    /// <summary>Documents refused for their namespace (edition 2 or none on a strict link); also in <see cref="DecodeErrors"/>.</summary>
    public long NamespaceRejected { get; internal set; }
    /// <summary>Heartbeats from the switch without a systemStatus element, answered like any SystemStatus.</summary>
    public long BareHeartbeatsAnswered { get; internal set; }
    /// <summary>ECMA-354 application sessions opened.</summary>
    public long ApplicationSessionsStarted { get; internal set; }
    /// <summary>ResetApplicationSessionTimer keep-alives answered positively.</summary>
    public long ApplicationSessionKeepAlives { get; internal set; }
    /// <summary>Requests from the switch answered.</summary>
    public long SwitchRequestsAnswered { get; internal set; }
}
