using Concierge.Sip.Message;

namespace Concierge.Sip.Registration;

/// <summary>Bounds and policy of a <see cref="SipRegistrar"/>.</summary>
public sealed record SipRegistrarOptions
{
    /// <summary>Shortest accepted non-zero expiry; shorter requests get 423 with Min-Expires.</summary>
    public TimeSpan MinExpires { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest granted expiry; longer requests are cut down.</summary>
    public TimeSpan MaxExpires { get; init; } = TimeSpan.FromSeconds(7200);

    /// <summary>Expiry when the request names none.</summary>
    public TimeSpan DefaultExpires { get; init; } = TimeSpan.FromSeconds(3600);

    /// <summary>Most bindings per address-of-record.</summary>
    public int MaxBindingsPerAddress { get; init; } = 16;

    /// <summary>Most addresses-of-record held.</summary>
    public int MaxAddresses { get; init; } = 100_000;

    /// <summary>
    /// Maps a To URI to the key its bindings are held under, or null for an address this registrar does not serve
    /// (answered 404 before any challenge). Null option: <see cref="SipRegistrar.KeyOf"/>, every address served.
    /// </summary>
    public Func<SipUri, string?>? KeyOfAddress { get; init; }

    /// <summary>When set, an address asking an interval below <see cref="MinExpires"/> loses its bindings and gets 403 until reactivated.</summary>
    public bool DeactivateOnTooBrief { get; init; }
}
