using System.Net;

namespace Concierge.Media;

/// <summary>
/// Where call legs send and receive audio. The simulated plane only records what each RTP source sends, so that
/// "what a party hears" is a look-up of what its negotiated remote RTP address sends; the real plane streams RTP.
/// </summary>
public interface IMediaPlane
{
    /// <summary>From now on <paramref name="source"/> sends <paramref name="content"/>.</summary>
    void Transmit(IPEndPoint source, MediaContent content);

    /// <summary>
    /// From now on <paramref name="source"/> sends on whatever arrives from <paramref name="from"/> (a B2BUA bridging
    /// two legs relays each one's incoming audio to the other), until it is told to transmit something else or stops.
    /// </summary>
    void Relay(IPEndPoint source, IPEndPoint from);

    /// <summary>
    /// Offer/answer has agreed where <paramref name="source"/> sends and with which codec. The simulated plane needs
    /// no addresses (a party hears what its remote address sends) and ignores it; the RTP plane sends nothing before it.
    /// </summary>
    void Connect(IPEndPoint source, MediaPeer peer)
    {
    }

    /// <summary><paramref name="source"/> stops sending (its stream is gone).</summary>
    void Stop(IPEndPoint source);

    /// <summary>What a party whose remote RTP address is <paramref name="source"/> hears now.</summary>
    MediaContent HeardFrom(IPEndPoint source);
}
