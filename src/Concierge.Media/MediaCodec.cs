namespace Concierge.Media;

/// <summary>The voice codecs the CPS streams: G.711 µ-law (PCMU) and A-law (PCMA).</summary>
public enum MediaCodec
{
    /// <summary>G.711 µ-law, RTP payload type 0.</summary>
    Pcmu,
    /// <summary>G.711 A-law, RTP payload type 8.</summary>
    Pcma,
}
