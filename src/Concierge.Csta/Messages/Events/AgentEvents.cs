namespace Concierge.Csta.Messages;

/// <summary>An event about an ACD agent on a device.</summary>
public abstract record AgentEvent(string MonitorCrossRefId, string AgentDevice, string? AgentId, string? AcdGroup)
    : CstaEvent(MonitorCrossRefId);

/// <summary>An agent logged on.</summary>
public sealed record AgentLoggedOnEvent(string MonitorCrossRefId, string AgentDevice, string? AgentId, string? AcdGroup)
    : AgentEvent(MonitorCrossRefId, AgentDevice, AgentId, AcdGroup);

/// <summary>An agent logged off.</summary>
public sealed record AgentLoggedOffEvent(string MonitorCrossRefId, string AgentDevice, string? AgentId, string? AcdGroup)
    : AgentEvent(MonitorCrossRefId, AgentDevice, AgentId, AcdGroup);

/// <summary>An agent became ready for calls.</summary>
public sealed record AgentReadyEvent(string MonitorCrossRefId, string AgentDevice, string? AgentId, string? AcdGroup)
    : AgentEvent(MonitorCrossRefId, AgentDevice, AgentId, AcdGroup);

/// <summary>An agent became not ready for calls.</summary>
public sealed record AgentNotReadyEvent(string MonitorCrossRefId, string AgentDevice, string? AgentId, string? AcdGroup)
    : AgentEvent(MonitorCrossRefId, AgentDevice, AgentId, AcdGroup);

/// <summary>An agent is busy with a call.</summary>
public sealed record AgentBusyEvent(string MonitorCrossRefId, string AgentDevice, string? AgentId, string? AcdGroup)
    : AgentEvent(MonitorCrossRefId, AgentDevice, AgentId, AcdGroup);
