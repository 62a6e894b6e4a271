using Concierge.Sip.Auth;
using Concierge.Sip.Message;
using Concierge.Sip.Transport;

namespace Concierge.Sip.Registration;

/// <summary>What a <see cref="SipRegistrationClient"/> registers, where, how often and with which credentials.</summary>
public sealed record SipRegistrationOptions
{
    /// <summary>The smallest interval an OSV (OpenScape Voice) profile accepts.</summary>
    public static readonly TimeSpan OsvMinimumInterval = TimeSpan.FromSeconds(300);

    /// <summary>The registrar's domain (resolved by SRV, RFC 3263) and Request-URI host, e.g. "osv.example.com".</summary>
    public required string Domain { get; init; }

    /// <summary>The address-of-record (To and From), e.g. sip:4711@osv.example.com.</summary>
    public required SipUri AddressOfRecord { get; init; }

    /// <summary>Digest credentials for 401/407 challenges.</summary>
    public SipCredentials? Credentials { get; init; }

    /// <summary>The registration interval asked for (Expires).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(3600);

    /// <summary>When true, intervals below 300 s are refused (the OSV trunk profile).</summary>
    public bool OsvProfile { get; init; }

    /// <summary>Refresh this long before the granted expiry (but never before half of it).</summary>
    public TimeSpan RefreshAhead { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Transport for REGISTER.</summary>
    public SipTransportProtocol Protocol { get; init; } = SipTransportProtocol.Udp;

    /// <summary>User part of the registered Contact (default the AOR's user).</summary>
    public string? ContactUser { get; init; }

    /// <summary>How long to wait before starting over after every server failed.</summary>
    public TimeSpan RetryAfterFailure { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Most challenges answered for one registration attempt.</summary>
    public int MaxAuthAttempts { get; init; } = 2;

    /// <summary>Throws when the options break a rule (interval bounds, the OSV 300 s floor).</summary>
    public SipRegistrationOptions Validated()
    {
        if (string.IsNullOrWhiteSpace(Domain)) throw new ArgumentException("a registrar domain is required", nameof(Domain));
        if (Interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(Interval), Interval, "interval must be positive");
        if (OsvProfile && Interval < OsvMinimumInterval)
            throw new ArgumentOutOfRangeException(nameof(Interval), Interval, $"the OSV profile refuses registration intervals below {OsvMinimumInterval.TotalSeconds:0} s");
        if (RefreshAhead < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(RefreshAhead), RefreshAhead, "must be non-negative");
        return this;
    }
}
