namespace Concierge.Csta.Messages;

/// <summary>An ACD agent state as requested by SetAgentState (requestedAgentState).</summary>
public enum RequestedAgentState
{
    /// <summary>Log the agent on.</summary>
    LoggedOn,
    /// <summary>Log the agent off.</summary>
    LoggedOff,
    /// <summary>Not ready for calls.</summary>
    NotReady,
    /// <summary>Ready for calls.</summary>
    Ready,
    /// <summary>Doing wrap-up work after a call.</summary>
    WorkingAfterCall,
}

/// <summary>An ACD agent state as reported by GetAgentState (agentState).</summary>
public enum AgentState
{
    /// <summary>Not logged on.</summary>
    Null,
    /// <summary>Logged on, not ready.</summary>
    NotReady,
    /// <summary>Logged on, ready.</summary>
    Ready,
    /// <summary>Busy with a call.</summary>
    Busy,
    /// <summary>Wrap-up work.</summary>
    WorkingAfterCall,
}
