namespace Concierge.Csta.Messages;

/// <summary>A device's forwarding of one type was switched on (to <paramref name="ForwardTo"/>) or off.</summary>
public sealed record ForwardingEvent(string MonitorCrossRefId, string Device, ForwardingType ForwardingType, bool ForwardStatus,
    string? ForwardTo) : CstaEvent(MonitorCrossRefId);

/// <summary>A device's do-not-disturb was switched on or off.</summary>
public sealed record DoNotDisturbEvent(string MonitorCrossRefId, string Device, bool DoNotDisturbOn) : CstaEvent(MonitorCrossRefId);

/// <summary>A device came back into service.</summary>
public sealed record BackInServiceEvent(string MonitorCrossRefId, string Device, EventCause? Cause) : CstaEvent(MonitorCrossRefId);

/// <summary>A device went out of service (unplugged, unregistered).</summary>
public sealed record OutOfServiceEvent(string MonitorCrossRefId, string Device, EventCause? Cause) : CstaEvent(MonitorCrossRefId);
