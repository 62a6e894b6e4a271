using System.Net;

namespace Concierge.Media;

/// <summary>
/// The far end of one RTP stream as offer/answer agreed it: where to send, the voice codec and its payload type,
/// and the RFC 4733 telephone-event payload type when both sides have one.
/// </summary>
public sealed record MediaPeer(IPEndPoint Remote, MediaCodec Codec, int PayloadType, int? TelephoneEventPayloadType)
{
    /// <summary>True when this side may send (false for a stream the far end holds with recvonly/inactive).</summary>
    public bool Sends { get; init; } = true;
}
