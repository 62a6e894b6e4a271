using System.Net;
using Concierge.Sip.Sdp;

namespace Concierge.Simulators.Phones.Sip;

/// <summary>The audio SDP the simulated agents exchange (the product's SDP model): one address, one audio port, PCMA and PCMU.</summary>
public static class AudioSdp
{
    private static readonly IReadOnlyList<SdpCodec> Codecs = [SdpCodec.Pcma, SdpCodec.Pcmu];

    /// <summary>An offer (or answer) for audio at <paramref name="rtp"/>.</summary>
    public static byte[] For(IPEndPoint rtp, SdpDirection direction = SdpDirection.SendRecv) =>
        SdpOfferAnswer.CreateOffer(new SdpLocalMedia(rtp.Address.ToString(), rtp.Port, Codecs) { Direction = direction, PacketTimeMs = null, UserName = "-" }, 1, 1)
            .ToBytes();

    /// <summary>A hold offer: no address (0.0.0.0), send only.</summary>
    public static byte[] Hold() => For(new IPEndPoint(IPAddress.Any, 9), SdpDirection.SendOnly);

    /// <summary>The RTP end point an SDP body names for its audio, or null (none, or the null address).</summary>
    public static IPEndPoint? RtpEndPoint(ReadOnlyMemory<byte> sdp)
    {
        if (sdp.IsEmpty || !SdpSessionDescription.TryParse(sdp.Span, out var description, out _) || description?.Audio is not { } audio) return null;
        if (description.ConnectionOf(audio) is not { IsNullAddress: false } connection || !IPAddress.TryParse(connection.Address, out var address)) return null;
        return new IPEndPoint(address, audio.Port);
    }
}
