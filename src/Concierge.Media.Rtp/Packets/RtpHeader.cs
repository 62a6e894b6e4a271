namespace Concierge.Media.Rtp.Packets;

/// <summary>The fixed part of an RTP header (RFC 3550 §5.1) that the CPS writes and reads.</summary>
public readonly record struct RtpHeader(int PayloadType, ushort SequenceNumber, uint Timestamp, uint Ssrc, bool Marker = false)
{
    /// <summary>Bytes of a header without CSRCs or extension.</summary>
    public const int FixedSize = 12;
}
