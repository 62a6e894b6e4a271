namespace Concierge.Csta.Messages;

/// <summary>
/// An event about a call, carrying the monitored device's own connection state in it
/// (<see cref="LocalConnectionInfo"/>) and a cause.
/// </summary>
public abstract record CallEvent(string MonitorCrossRefId, LocalConnectionState? LocalConnectionInfo, EventCause? Cause)
    : CstaEvent(MonitorCrossRefId);

/// <summary>A device has started a call attempt (off-hook / MakeCall).</summary>
public sealed record ServiceInitiatedEvent(string MonitorCrossRefId, ConnectionId InitiatedConnection, EventDevice InitiatingDevice,
    LocalConnectionState? LocalConnectionInfo, EventCause? Cause) : CallEvent(MonitorCrossRefId, LocalConnectionInfo, Cause);

/// <summary>A call has been originated towards a called device.</summary>
public sealed record OriginatedEvent(string MonitorCrossRefId, ConnectionId OriginatedConnection, EventDevice CallingDevice,
    EventDevice CalledDevice, LocalConnectionState? LocalConnectionInfo, EventCause? Cause) : CallEvent(MonitorCrossRefId, LocalConnectionInfo, Cause);

/// <summary>A call is ringing at the alerting device.</summary>
public sealed record DeliveredEvent(string MonitorCrossRefId, ConnectionId Connection, EventDevice AlertingDevice,
    EventDevice CallingDevice, EventDevice CalledDevice, EventDevice? LastRedirectionDevice,
    LocalConnectionState? LocalConnectionInfo, EventCause? Cause) : CallEvent(MonitorCrossRefId, LocalConnectionInfo, Cause);

/// <summary>A call was answered by the answering device.</summary>
public sealed record EstablishedEvent(string MonitorCrossRefId, ConnectionId EstablishedConnection, EventDevice AnsweringDevice,
    EventDevice CallingDevice, EventDevice CalledDevice, EventDevice? LastRedirectionDevice,
    LocalConnectionState? LocalConnectionInfo, EventCause? Cause) : CallEvent(MonitorCrossRefId, LocalConnectionInfo, Cause);

/// <summary>A connection was put on hold.</summary>
public sealed record HeldEvent(string MonitorCrossRefId, ConnectionId HeldConnection, EventDevice HoldingDevice,
    LocalConnectionState? LocalConnectionInfo, EventCause? Cause) : CallEvent(MonitorCrossRefId, LocalConnectionInfo, Cause);

/// <summary>A held connection was taken back.</summary>
public sealed record RetrievedEvent(string MonitorCrossRefId, ConnectionId RetrievedConnection, EventDevice RetrievingDevice,
    LocalConnectionState? LocalConnectionInfo, EventCause? Cause) : CallEvent(MonitorCrossRefId, LocalConnectionInfo, Cause);

/// <summary>One device left a call.</summary>
public sealed record ConnectionClearedEvent(string MonitorCrossRefId, ConnectionId DroppedConnection, EventDevice ReleasingDevice,
    LocalConnectionState? LocalConnectionInfo, EventCause? Cause) : CallEvent(MonitorCrossRefId, LocalConnectionInfo, Cause);

/// <summary>A whole call ended.</summary>
public sealed record CallClearedEvent(string MonitorCrossRefId, ConnectionId ClearedCall,
    LocalConnectionState? LocalConnectionInfo, EventCause? Cause) : CallEvent(MonitorCrossRefId, LocalConnectionInfo, Cause);

/// <summary>A connection of a transferred or conferenced call: the new connection and the one it replaced.</summary>
public sealed record ConnectionListItem(ConnectionId? NewConnection, ConnectionId? OldConnection, EventDevice? Endpoint);

/// <summary>Two calls were joined and the transferring device dropped out.</summary>
public sealed record TransferredEvent(string MonitorCrossRefId, ConnectionId PrimaryOldCall, ConnectionId? SecondaryOldCall,
    EventDevice TransferringDevice, EventDevice TransferredToDevice, ValueList<ConnectionListItem> TransferredConnections,
    LocalConnectionState? LocalConnectionInfo, EventCause? Cause) : CallEvent(MonitorCrossRefId, LocalConnectionInfo, Cause);

/// <summary>Two calls were joined into a conference.</summary>
public sealed record ConferencedEvent(string MonitorCrossRefId, ConnectionId PrimaryOldCall, ConnectionId? SecondaryOldCall,
    EventDevice ConferencingDevice, EventDevice AddedParty, ValueList<ConnectionListItem> ConferenceConnections,
    LocalConnectionState? LocalConnectionInfo, EventCause? Cause) : CallEvent(MonitorCrossRefId, LocalConnectionInfo, Cause);

/// <summary>A call was diverted (forwarded, deflected) away from a device.</summary>
public sealed record DivertedEvent(string MonitorCrossRefId, ConnectionId Connection, EventDevice DivertingDevice,
    EventDevice NewDestination, EventDevice? CallingDevice, EventDevice? CalledDevice, EventDevice? LastRedirectionDevice,
    LocalConnectionState? LocalConnectionInfo, EventCause? Cause) : CallEvent(MonitorCrossRefId, LocalConnectionInfo, Cause);

/// <summary>A call attempt failed (busy, invalid number …).</summary>
public sealed record FailedEvent(string MonitorCrossRefId, ConnectionId FailedConnection, EventDevice FailingDevice,
    EventDevice CalledDevice, EventDevice? CallingDevice, EventDevice? LastRedirectionDevice,
    LocalConnectionState? LocalConnectionInfo, EventCause? Cause) : CallEvent(MonitorCrossRefId, LocalConnectionInfo, Cause);

/// <summary>A call was put into a queue (hunt group, ACD).</summary>
public sealed record QueuedEvent(string MonitorCrossRefId, ConnectionId QueuedConnection, EventDevice Queue,
    EventDevice CallingDevice, EventDevice CalledDevice, EventDevice? LastRedirectionDevice, int? NumberQueued,
    LocalConnectionState? LocalConnectionInfo, EventCause? Cause) : CallEvent(MonitorCrossRefId, LocalConnectionInfo, Cause);

/// <summary>A call left the switch towards another network (trunk seized).</summary>
public sealed record NetworkReachedEvent(string MonitorCrossRefId, ConnectionId OutboundConnection, EventDevice NetworkInterfaceUsed,
    EventDevice CallingDevice, EventDevice CalledDevice, EventDevice? LastRedirectionDevice,
    LocalConnectionState? LocalConnectionInfo, EventCause? Cause) : CallEvent(MonitorCrossRefId, LocalConnectionInfo, Cause);
