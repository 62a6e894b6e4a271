using System.Buffers.Binary;

namespace Concierge.Media.Rtp.Packets;

/// <summary>Writes RTP packets (version 2, no padding, no extension, no CSRCs).</summary>
public static class RtpPacketWriter
{
    /// <summary>
    /// Writes <paramref name="header"/> and <paramref name="payload"/> into <paramref name="packet"/> and returns the
    /// packet's length.
    /// </summary>
    public static int Write(RtpHeader header, ReadOnlySpan<byte> payload, Span<byte> packet)
    {
        if (header.PayloadType is < 0 or > 127) throw new ArgumentOutOfRangeException(nameof(header), header.PayloadType, "an RTP payload type has 7 bits (0-127)");
        var length = RtpHeader.FixedSize + payload.Length;
        if (packet.Length < length) throw new ArgumentException($"a packet of {length} bytes does not fit in {packet.Length}", nameof(packet));
        packet[0] = 0x80; // V=2, P=0, X=0, CC=0
        packet[1] = (byte)((header.Marker ? 0x80 : 0) | header.PayloadType);
        BinaryPrimitives.WriteUInt16BigEndian(packet[2..], header.SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], header.Timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(packet[8..], header.Ssrc);
        payload.CopyTo(packet[RtpHeader.FixedSize..]);
        return length;
    }
}
