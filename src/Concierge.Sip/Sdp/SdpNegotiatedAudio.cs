namespace Concierge.Sip.Sdp;

/// <summary>The agreed audio stream from this side's point of view: codec, DTMF payload, where to send, and direction.</summary>
public sealed record SdpNegotiatedAudio(SdpCodec Codec, SdpCodec? TelephoneEvent, string RemoteAddress, int RemotePort, SdpDirection Direction)
{
    /// <summary>True when this side sends no media (remote hold or local hold with inactive).</summary>
    public bool IsSilent => !Direction.Sends();
}
