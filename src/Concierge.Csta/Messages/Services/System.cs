namespace Concierge.Csta.Messages;

/// <summary>Reports this side's status to the peer; used as the link heartbeat in both directions.</summary>
public sealed record SystemStatusRequest(SystemStatus Status) : CstaRequest
{
    /// <summary>
    /// True for a heartbeat without a systemStatus element (what an OpenScape Voice sends); <see cref="Status"/> is
    /// then <see cref="SystemStatus.Normal"/>.
    /// </summary>
    public bool IsBareHeartbeat { get; init; }

    /// <summary>A heartbeat without a status.</summary>
    public static SystemStatusRequest BareHeartbeat => new(SystemStatus.Normal) { IsBareHeartbeat = true };
}

/// <summary>Acknowledges a SystemStatus report.</summary>
public sealed record SystemStatusResponse : CstaResponse;

/// <summary>Asks the peer for its status.</summary>
public sealed record RequestSystemStatus : CstaRequest;

/// <summary>The peer's status.</summary>
public sealed record RequestSystemStatusResponse(SystemStatus Status) : CstaResponse;

/// <summary>Registers for system status reports from the switch; the first request on a new link.</summary>
public sealed record SystemRegister : CstaRequest;

/// <summary>The registration was accepted.</summary>
public sealed record SystemRegisterResponse(string SysStatRegisterId) : CstaResponse;
