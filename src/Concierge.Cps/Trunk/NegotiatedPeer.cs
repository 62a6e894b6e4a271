using System.Net;
using Concierge.Media;
using Concierge.Sip.Sdp;

namespace Concierge.Cps.Trunk;

/// <summary>Turns what offer/answer agreed for a leg's audio into the media plane's view of the far end.</summary>
internal static class NegotiatedPeer
{
    /// <summary>The far end, or null when the agreed codec is not G.711 or the address is not an IP address (a hold's 0.0.0.0 stays as it is).</summary>
    public static MediaPeer? Of(SdpNegotiatedAudio? audio)
    {
        if (audio is null || !IPAddress.TryParse(audio.RemoteAddress, out var address)) return null;
        MediaCodec? codec = audio.Codec.EncodingName.ToUpperInvariant() switch
        {
            "PCMU" => MediaCodec.Pcmu,
            "PCMA" => MediaCodec.Pcma,
            _ => null,
        };
        if (codec is null) return null;
        return new MediaPeer(new IPEndPoint(address, audio.RemotePort), codec.Value, audio.Codec.PayloadType, audio.TelephoneEvent?.PayloadType)
        {
            Sends = !audio.IsSilent && !address.Equals(IPAddress.Any),
        };
    }

    /// <summary>The peer after the far end changed the session (a re-INVITE: hold, resume, a new address).</summary>
    public static MediaPeer Modified(MediaPeer peer, ReadOnlyMemory<byte> remoteSdp, bool heldRemotely)
    {
        var remote = SdpAudioEndPoint.Of(remoteSdp);
        return peer with { Remote = remote ?? peer.Remote, Sends = !heldRemotely && remote is not null };
    }
}
