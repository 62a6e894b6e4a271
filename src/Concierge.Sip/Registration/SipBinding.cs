using Concierge.Sip.Message;
using Concierge.Sip.Transport;

namespace Concierge.Sip.Registration;

/// <summary>One registered Contact of an address-of-record, until it expires.</summary>
public sealed record SipBinding(string AddressOfRecord, NameAddress Contact, DateTimeOffset ExpiresAt, string CallId, uint Sequence, SipEndPoint Source)
{
    /// <summary>The name of the node (stack) that took the REGISTER, when the registrar serves several; else null.</summary>
    public string? Node { get; init; }

    /// <summary>Seconds left at <paramref name="now"/>, never negative.</summary>
    public long SecondsLeft(DateTimeOffset now) => Math.Max(0, (long)Math.Ceiling((ExpiresAt - now).TotalSeconds));
}
