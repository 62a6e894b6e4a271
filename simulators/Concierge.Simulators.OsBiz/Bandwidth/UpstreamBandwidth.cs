namespace Concierge.Simulators.OsBiz.Bandwidth;

/// <summary>
/// Simultaneous internet calls from the upstream bandwidth (U 3.1, 3.2): the wizard allows one call per 128 kbit/s of
/// upstream (G.711 with IP/UDP/RTP and SRTP/TLS overhead and headroom), so 2048 kbit/s → 16 calls. The upstream is
/// shared by Unify Phone, ITSP and Device@Home calls.
/// </summary>
public static class UpstreamBandwidth
{
    /// <summary>Upstream the wizard reserves per voice call.</summary>
    public const int KbitPerCall = 128;

    /// <summary>Largest upstream accepted (10 Gbit/s).</summary>
    public const int MaxUpstreamKbps = 10_000_000;

    /// <summary>Voice calls <paramref name="upstreamKbps"/> carries.</summary>
    public static int CallsFor(int upstreamKbps) =>
        upstreamKbps is < 0 or > MaxUpstreamKbps ? throw new ArgumentOutOfRangeException(nameof(upstreamKbps), upstreamKbps, $"upstream must be 0–{MaxUpstreamKbps} kbit/s") : upstreamKbps / KbitPerCall;
}
