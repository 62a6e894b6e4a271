using Concierge.Sip.Transport;

namespace Concierge.Sip.Registration;

/// <summary>
/// Locates SIP servers for a domain (RFC 3263 §4.2: SRV by priority and weight, then addresses). The answer is
/// delivered on the event loop; an empty list means the domain has no usable server.
/// </summary>
public interface ISipServerResolver
{
    /// <summary>Resolves <paramref name="domain"/> for <paramref name="protocol"/> and calls <paramref name="done"/> with the targets in failover order.</summary>
    void Resolve(string domain, SipTransportProtocol protocol, Action<IReadOnlyList<SipServerTarget>> done);
}
