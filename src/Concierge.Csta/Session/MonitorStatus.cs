namespace Concierge.Csta.Session;

/// <summary>Where one device monitor is.</summary>
public enum MonitorStatus
{
    /// <summary>Wanted, not started (link down or retry pending).</summary>
    Wanted,
    /// <summary>MonitorStart sent, answer pending.</summary>
    Starting,
    /// <summary>Running; events arrive under its cross-reference id.</summary>
    Active,
}

/// <summary>One wanted device monitor and its current cross-reference id.</summary>
public sealed class MonitorEntry(string device)
{
    /// <summary>The monitored device.</summary>
    public string Device { get; } = device;

    /// <summary>Where the monitor is.</summary>
    public MonitorStatus Status { get; internal set; }

    /// <summary>The cross-reference id while active.</summary>
    public string? CrossRefId { get; internal set; }

    /// <summary>Why the last start failed, if it did.</summary>
    public string? LastFailure { get; internal set; }

    /// <summary>How many times the monitor was started (first start and every restart).</summary>
    public int Starts { get; internal set; }

    internal ITimer? RetryTimer { get; set; }
}
