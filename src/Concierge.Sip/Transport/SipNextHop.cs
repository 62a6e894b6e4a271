using System.Net;
using Concierge.Sip.Message;

namespace Concierge.Sip.Transport;

/// <summary>Turns a URI with a literal address into the end point a request for it goes to (RFC 3263 §4 without DNS).</summary>
public static class SipNextHop
{
    /// <summary>
    /// The end point for <paramref name="uri"/>: sips → TLS, a transport parameter picks TCP/TLS/UDP, default port
    /// 5060 (5061 for TLS). Null when the host is not an IP literal (use a resolver for names).
    /// </summary>
    public static SipEndPoint? FromUri(SipUri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsSip) return null;
        var host = uri.Maddr() ?? uri.Host;
        if (!IPAddress.TryParse(host.Trim('[', ']'), out var address)) return null;
        var protocol = uri.IsSecure ? SipTransportProtocol.Tls : SipTransportProtocol.Udp;
        if (!uri.IsSecure && SipEndPoint.TryParseTransport(uri.Transport, out var parsed)) protocol = parsed;
        var port = uri.Port ?? (protocol == SipTransportProtocol.Tls ? 5061 : 5060);
        return new SipEndPoint(protocol, new IPEndPoint(address, port));
    }

    private static string? Maddr(this SipUri uri) => uri.Parameters["maddr"];
}
