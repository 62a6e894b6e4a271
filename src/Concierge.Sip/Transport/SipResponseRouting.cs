using System.Net;
using Concierge.Sip.Headers;

namespace Concierge.Sip.Transport;

/// <summary>
/// Where responses go and what a receiver writes into the top Via (RFC 3261 §18.2.1, §18.2.2; RFC 3581 rport).
/// </summary>
public static class SipResponseRouting
{
    /// <summary>
    /// Marks a received request's top Via: adds received when sent-by differs from the source address and fills an
    /// empty rport with the source port. Returns the Via to write back, or null when nothing changes.
    /// </summary>
    public static SipVia? StampReceived(SipVia via, IPEndPoint source)
    {
        var changed = via;
        var sourceAddress = source.Address.ToString();
        var sentByMatches = IPAddress.TryParse(via.Host.Trim('[', ']'), out var sentBy) && sentBy.Equals(source.Address);
        if (!sentByMatches || via.HasRPort)
        {
            changed = changed.WithReceived(sourceAddress);
        }
        if (via.HasRPort && via.RPort is null)
        {
            changed = changed.WithRPort(source.Port);
        }
        return ReferenceEquals(changed, via) ? null : changed;
    }

    /// <summary>
    /// The destination of a response whose top Via is <paramref name="via"/>, to a request that came from
    /// <paramref name="source"/>. Reliable transports answer on the source connection; rport answers the source
    /// port; otherwise received (or sent-by) with the sent-by port; maddr wins for multicast-style routing.
    /// </summary>
    public static SipEndPoint Destination(SipVia via, SipEndPoint source)
    {
        if (source.IsReliable) return source;
        if (via.RPort is { } rport)
        {
            var address = via.Received is { } r && IPAddress.TryParse(r, out var ra) ? ra : source.Address.Address;
            return source with { Address = new IPEndPoint(address, rport) };
        }
        var port = via.Port ?? 5060;
        if (via.Maddr is { } maddr && IPAddress.TryParse(maddr, out var maddrAddress))
            return source with { Address = new IPEndPoint(maddrAddress, port) };
        if (via.Received is { } received && IPAddress.TryParse(received, out var receivedAddress))
            return source with { Address = new IPEndPoint(receivedAddress, port) };
        if (IPAddress.TryParse(via.Host.Trim('[', ']'), out var hostAddress))
            return source with { Address = new IPEndPoint(hostAddress, port) };
        return source with { Address = new IPEndPoint(source.Address.Address, port) };
    }
}
