using Concierge.Sip.Headers;
using Concierge.Sip.Message;
using Concierge.Sip.Transport;

namespace Concierge.Sip.UserAgent;

/// <summary>What to put into an outgoing INVITE beyond the target.</summary>
public sealed record SipInviteOptions
{
    /// <summary>From (without tag); default the user agent's own address.</summary>
    public NameAddress? From { get; init; }

    /// <summary>To; default the target URI.</summary>
    public NameAddress? To { get; init; }

    /// <summary>The SDP offer; empty sends an offerless INVITE.</summary>
    public ReadOnlyMemory<byte> Sdp { get; init; }

    /// <summary>Extra headers, added in order (e.g. P-Asserted-Identity, Diversion, X-Siemens-CDR).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>Replace this dialog at the target (attended transfer, RFC 3891).</summary>
    public SipReplaces? Replaces { get; init; }

    /// <summary>Send here instead of resolving the target (an outbound proxy or a trunk peer).</summary>
    public SipEndPoint? Destination { get; init; }

    /// <summary>The Call-ID to use; default a fresh one.</summary>
    public string? CallId { get; init; }
}
