using System.Net;
using Concierge.Sip.Sdp;

namespace Concierge.Simulators.Phones.Sip;

/// <summary>The audio SDP the simulated agents exchange (the product's SDP model): one address, one audio port, PCMA and PCMU.</summary>
public static class AudioSdp
{
    private const int MaxCached = 20_000;
    private static readonly IReadOnlyList<SdpCodec> Codecs = [SdpCodec.Pcma, SdpCodec.Pcmu];

    /// <summary>An offer (or answer) for audio at <paramref name="rtp"/>.</summary>
    public static byte[] For(IPEndPoint rtp, SdpDirection direction = SdpDirection.SendRecv) =>
        SdpOfferAnswer.CreateOffer(new SdpLocalMedia(rtp.Address.ToString(), rtp.Port, Codecs) { Direction = direction, PacketTimeMs = null, UserName = "-" }, 1, 1)
            .ToBytes();

    /// <summary>The offer for <paramref name="rtp"/> from <paramref name="cache"/>, made once per address (agents reuse a few RTP ports).</summary>
    public static byte[] For(IPEndPoint rtp, Dictionary<IPEndPoint, byte[]> cache)
    {
        if (cache.TryGetValue(rtp, out var known)) return known;
        var made = For(rtp);
        if (cache.Count < MaxCached) cache[rtp] = made;
        return made;
    }

    /// <summary>A hold offer: no address (0.0.0.0), send only.</summary>
    public static byte[] Hold() => For(new IPEndPoint(IPAddress.Any, 9), SdpDirection.SendOnly);

    /// <summary>The RTP end point an SDP body names for its audio, or null (none, or the null address).</summary>
    public static IPEndPoint? RtpEndPoint(ReadOnlyMemory<byte> sdp) => SdpAudioEndPoint.Of(sdp);
}
