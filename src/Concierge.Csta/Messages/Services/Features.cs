namespace Concierge.Csta.Messages;

/// <summary>Switches one kind of forwarding on (to <paramref name="ForwardDn"/>) or off for a device.</summary>
public sealed record SetForwarding(string Device, ForwardingType ForwardingType, bool ActivateForward, string? ForwardDn) : CstaRequest;

/// <summary>Forwarding was changed.</summary>
public sealed record SetForwardingResponse : CstaResponse;

/// <summary>Asks for a device's forwarding settings.</summary>
public sealed record GetForwarding(string Device) : CstaRequest;

/// <summary>One forwarding setting of a device.</summary>
public sealed record ForwardListItem(ForwardingType ForwardingType, bool ForwardStatus, string? ForwardDn);

/// <summary>The device's forwarding settings.</summary>
public sealed record GetForwardingResponse(ValueList<ForwardListItem> ForwardingList) : CstaResponse;

/// <summary>Switches do-not-disturb on or off for a device.</summary>
public sealed record SetDoNotDisturb(string Device, bool DoNotDisturbOn) : CstaRequest;

/// <summary>Do-not-disturb was changed.</summary>
public sealed record SetDoNotDisturbResponse : CstaResponse;

/// <summary>Asks whether do-not-disturb is on for a device.</summary>
public sealed record GetDoNotDisturb(string Device) : CstaRequest;

/// <summary>Whether do-not-disturb is on.</summary>
public sealed record GetDoNotDisturbResponse(bool DoNotDisturbOn) : CstaResponse;

/// <summary>Changes an ACD agent's state on a device (log on/off, ready, not ready …).</summary>
public sealed record SetAgentState(string Device, RequestedAgentState RequestedAgentState, string? AgentId, string? Password, string? Group) : CstaRequest;

/// <summary>The agent state was changed.</summary>
public sealed record SetAgentStateResponse : CstaResponse;

/// <summary>Asks for the agent states on a device.</summary>
public sealed record GetAgentState(string Device) : CstaRequest;

/// <summary>One agent on a device: whether logged on and in which state, for which group.</summary>
public sealed record AgentStateEntry(string? AgentId, bool LoggedOn, AgentState State, string? Group);

/// <summary>The agents on the device.</summary>
public sealed record GetAgentStateResponse(ValueList<AgentStateEntry> Agents) : CstaResponse;
