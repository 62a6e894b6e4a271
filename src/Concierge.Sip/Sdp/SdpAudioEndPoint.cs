using System.Net;

namespace Concierge.Sip.Sdp;

/// <summary>Where an SDP body says its audio is received: the connection address and port of its audio stream.</summary>
public static class SdpAudioEndPoint
{
    /// <summary>The RTP end point of <paramref name="sdp"/>'s audio, or null (no body, no audio, unreadable, or the null address of a hold).</summary>
    public static IPEndPoint? Of(ReadOnlyMemory<byte> sdp)
    {
        if (sdp.IsEmpty || !SdpSessionDescription.TryParse(sdp.Span, out var description, out _) || description?.Audio is not { } audio) return null;
        if (description.ConnectionOf(audio) is not { IsNullAddress: false } connection || !IPAddress.TryParse(connection.Address, out var address)) return null;
        return new IPEndPoint(address, audio.Port);
    }
}
