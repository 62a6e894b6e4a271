using System.Net;
using Concierge.Csta.Codec;
using Concierge.Csta.Framing;
using Concierge.Csta.Numbers;

namespace Concierge.Csta.Session;

/// <summary>Settings of one PABX link (the PABXLink role).</summary>
public sealed record CstaClientOptions(IPEndPoint Pabx)
{
    /// <summary>
    /// Further CSTA endpoints of the same PABX in order of preference after <see cref="Pabx"/> (a geo-separated OSV
    /// publishes one per node under HiPath8000CSTASM._tcp with different SRV priorities). A failed connect moves on
    /// to the next one, wrapping around.
    /// </summary>
    public IReadOnlyList<IPEndPoint> AlternativeEndpoints { get; init; } = [];

    /// <summary>All endpoints in order of preference.</summary>
    public IReadOnlyList<IPEndPoint> Endpoints => [Pabx, .. AlternativeEndpoints];

    /// <summary>Time a request may wait for its answer.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Time a TCP connect may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Interval between SystemStatus heartbeats once ready.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Consecutive unanswered heartbeats after which the link is closed and rebuilt.</summary>
    public int MissedHeartbeatLimit { get; init; } = 2;

    /// <summary>First reconnect delay; doubles per failed attempt.</summary>
    public TimeSpan ReconnectInitialDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap on the reconnect delay.</summary>
    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Random extra delay added to each reconnect, as a fraction of the delay (0 = none).</summary>
    public double ReconnectJitterFraction { get; init; } = 0.2;

    /// <summary>Delay before a monitor that failed or timed out is tried again.</summary>
    public TimeSpan MonitorRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Most requests awaiting an answer at once; more are refused.</summary>
    public int MaxPendingRequests { get; init; } = 2_000;

    /// <summary>The frame format of the link (default: the 8-byte invoke-id header, frames up to 64 KiB).</summary>
    public ICstaFraming Framing { get; init; } = InvokeIdHeaderFraming.Instance;

    /// <summary>After a monitor starts, read the device's calls, forwarding and do-not-disturb to resynchronise.</summary>
    public bool ResyncDevicesOnMonitorStart { get; init; } = true;

    /// <summary>The CSTA namespace requests are written in (edition 3 by default; OpenScape Voice speaks edition 4).</summary>
    public string WrittenNamespace { get; init; } = CstaNamespace.Edition3;

    /// <summary>
    /// A lenient link also reads documents in the edition 2 namespace or without a namespace; otherwise they are
    /// refused, counted and traced with the reason.
    /// </summary>
    public bool Lenient { get; init; }

    /// <summary>
    /// The PABX's number plan (routing data): device identifiers the switch sends in national, subscriber or unknown
    /// form (OSV <c>N&lt;…&gt;;noa=…</c>, plain dial strings) are normalised to E.164 with it. Without it only
    /// international numbers are.
    /// </summary>
    public NumberPlan? NumberPlan { get; init; }

    /// <summary>Open an ECMA-354 application session before registering (null: none).</summary>
    public CstaApplicationSessionOptions? ApplicationSession { get; init; }

    /// <summary>Names the first setting that cannot work, or null.</summary>
    public string? Problem()
    {
        if (RequestTimeout <= TimeSpan.Zero) return $"RequestTimeout {RequestTimeout} must be positive";
        if (ConnectTimeout <= TimeSpan.Zero) return $"ConnectTimeout {ConnectTimeout} must be positive";
        if (HeartbeatInterval <= TimeSpan.Zero) return $"HeartbeatInterval {HeartbeatInterval} must be positive";
        if (MissedHeartbeatLimit < 1) return $"MissedHeartbeatLimit {MissedHeartbeatLimit} must be at least 1";
        if (ReconnectInitialDelay <= TimeSpan.Zero) return $"ReconnectInitialDelay {ReconnectInitialDelay} must be positive";
        if (ReconnectMaxDelay < ReconnectInitialDelay) return $"ReconnectMaxDelay {ReconnectMaxDelay} is below ReconnectInitialDelay {ReconnectInitialDelay}";
        if (ReconnectJitterFraction is < 0 or > 1) return $"ReconnectJitterFraction {ReconnectJitterFraction} must be 0-1";
        if (MonitorRetryDelay <= TimeSpan.Zero) return $"MonitorRetryDelay {MonitorRetryDelay} must be positive";
        if (MaxPendingRequests < 1) return $"MaxPendingRequests {MaxPendingRequests} must be at least 1";
        if (new CstaDialect { WrittenNamespace = WrittenNamespace }.Problem() is { } dialect) return dialect;
        if (ApplicationSession?.Problem() is { } session) return session;
        return null;
    }
}
