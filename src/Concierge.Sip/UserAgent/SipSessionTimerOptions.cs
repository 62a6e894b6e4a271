namespace Concierge.Sip.UserAgent;

/// <summary>Session timer settings (RFC 4028).</summary>
public sealed record SipSessionTimerOptions
{
    /// <summary>Off: no Session-Expires offered; incoming ones are still honoured.</summary>
    public static SipSessionTimerOptions Disabled { get; } = new() { Enabled = false };

    /// <summary>Offer and run session timers.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The session interval we ask for (Session-Expires).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1800);

    /// <summary>The smallest interval we accept (Min-SE); smaller requests are answered 422. RFC floor is 90 s.</summary>
    public TimeSpan MinimumInterval { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Refresh with UPDATE instead of re-INVITE.</summary>
    public bool RefreshWithUpdate { get; init; }
}
