using Concierge.Media.Rtp.Packets;
using FsCheck.Xunit;

namespace Concierge.Media.Rtp.Tests.Packets;

public sealed class RtpPacketTests
{
    [Property(MaxTest = 500)]
    public bool A_written_packet_reads_back(byte payloadType, ushort sequence, uint timestamp, uint ssrc, bool marker, byte[] payload)
    {
        payload ??= [];
        var header = new RtpHeader(payloadType & 0x7F, sequence, timestamp, ssrc, marker);
        var packet = new byte[RtpHeader.FixedSize + payload.Length];
        var length = RtpPacketWriter.Write(header, payload, packet);
        return length == packet.Length
            && RtpPacketReader.TryRead(packet, out var read, out var range, out _)
            && read == header
            && packet.AsSpan()[range].SequenceEqual(payload);
    }

    [Property(MaxTest = 500)]
    public bool Reading_arbitrary_bytes_never_throws_and_a_payload_lies_inside(byte[] bytes)
    {
        bytes ??= [];
        if (!RtpPacketReader.TryRead(bytes, out _, out var range, out var problem)) return problem.Length > 0;
        var (offset, length) = range.GetOffsetAndLength(bytes.Length);
        return offset >= RtpHeader.FixedSize && offset + length <= bytes.Length;
    }

    [Fact]
    public void The_header_is_laid_out_as_RFC_3550_says()
    {
        var packet = new byte[RtpHeader.FixedSize + 2];
        RtpPacketWriter.Write(new RtpHeader(8, 0x1234, 0xA0B0C0D0, 0x01020304, Marker: true), [0xD5, 0xD5], packet);
        Assert.Equal(new byte[] { 0x80, 0x88, 0x12, 0x34, 0xA0, 0xB0, 0xC0, 0xD0, 0x01, 0x02, 0x03, 0x04, 0xD5, 0xD5 }, packet);
    }

    [Fact]
    public void CSRCs_an_extension_and_padding_are_skipped()
    {
        byte[] packet =
        [
            0xB1, 0x00, 0x00, 0x01, 0, 0, 0, 160, 0, 0, 0, 9, // V=2 P=1 X=1 CC=1
            0, 0, 0, 7,                                       // one CSRC
            0xBE, 0xDE, 0x00, 0x01, 1, 2, 3, 4,               // extension of one word
            0x11, 0x22, 0x33,                                 // payload
            0, 0, 3,                                          // three bytes of padding
        ];
        Assert.True(RtpPacketReader.TryRead(packet, out var header, out var range, out _));
        Assert.Equal(0, header.PayloadType);
        Assert.Equal(160u, header.Timestamp);
        Assert.Equal(new byte[] { 0x11, 0x22, 0x33 }, packet[range]);
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 0, 0, 1 }, "shorter than an RTP header")]
    [InlineData(new byte[] { 0x40, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0 }, "RTP version 1")]
    [InlineData(new byte[] { 0x8F, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0 }, "exceed")]
    [InlineData(new byte[] { 0xA0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0 }, "padding count of 0")]
    [InlineData(new byte[] { 0x90, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0xBE }, "extension is cut off")]
    public void A_malformed_packet_is_refused_with_a_reason(byte[] packet, string reason)
    {
        Assert.False(RtpPacketReader.TryRead(packet, out _, out _, out var problem));
        Assert.Contains(reason, problem);
    }

    [Fact]
    public void A_payload_type_past_seven_bits_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RtpPacketWriter.Write(new RtpHeader(128, 0, 0, 0), [], new byte[12]));
    }
}
