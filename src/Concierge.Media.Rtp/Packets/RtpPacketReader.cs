using System.Buffers.Binary;

namespace Concierge.Media.Rtp.Packets;

/// <summary>Reads RTP packets (RFC 3550): the header, and the payload past CSRCs, a header extension and padding.</summary>
public static class RtpPacketReader
{
    /// <summary>
    /// Reads <paramref name="packet"/>; false with a reason when it is not a well-formed RTP version 2 packet (too
    /// short, another version, CSRCs, extension or padding longer than the packet).
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> packet, out RtpHeader header, out Range payload, out string problem)
    {
        header = default;
        payload = default;
        if (packet.Length < RtpHeader.FixedSize)
        {
            problem = $"{packet.Length} bytes are shorter than an RTP header ({RtpHeader.FixedSize})";
            return false;
        }
        var version = packet[0] >> 6;
        if (version != 2)
        {
            problem = $"RTP version {version}, not 2";
            return false;
        }
        var hasPadding = (packet[0] & 0x20) != 0;
        var hasExtension = (packet[0] & 0x10) != 0;
        var csrcCount = packet[0] & 0x0F;
        var start = RtpHeader.FixedSize + 4 * csrcCount;
        if (hasExtension)
        {
            if (packet.Length < start + 4)
            {
                problem = "the header extension is cut off";
                return false;
            }
            start += 4 + 4 * BinaryPrimitives.ReadUInt16BigEndian(packet[(start + 2)..]);
        }
        var end = packet.Length;
        if (hasPadding)
        {
            var padding = packet[^1];
            if (padding == 0)
            {
                problem = "padding flag with a padding count of 0";
                return false;
            }
            end -= padding;
        }
        if (start > end)
        {
            problem = $"CSRCs, extension and padding ({start + packet.Length - end} bytes) exceed the {packet.Length}-byte packet";
            return false;
        }
        header = new RtpHeader(packet[1] & 0x7F, BinaryPrimitives.ReadUInt16BigEndian(packet[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(packet[4..]), BinaryPrimitives.ReadUInt32BigEndian(packet[8..]), (packet[1] & 0x80) != 0);
        payload = start..end;
        problem = string.Empty;
        return true;
    }
}
