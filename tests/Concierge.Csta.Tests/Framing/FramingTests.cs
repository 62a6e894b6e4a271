using System.Buffers;
using System.Text;
using Concierge.Csta.Framing;
using Concierge.Csta.Messages;
using FsCheck;
using FsCheck.Fluent;

namespace Concierge.Csta.Tests.Framing;

public sealed class FramingTests
{
    private static byte[] Frame(int invokeId, string payload)
    {
        var output = new ArrayBufferWriter<byte>();
        Assert.Null(InvokeIdHeaderFraming.Instance.TryWriteFrame(invokeId, Encoding.UTF8.GetBytes(payload), output));
        return output.WrittenSpan.ToArray();
    }

    private static List<(int Id, string Payload)> FeedAll(ICstaFrameDecoder decoder, IEnumerable<byte[]> chunks, out string? failure)
    {
        var frames = new List<(int, string)>();
        failure = null;
        foreach (var chunk in chunks)
        {
            failure = decoder.Feed(chunk, (id, payload) => frames.Add((id, Encoding.UTF8.GetString(payload))));
            if (failure is not null) break;
        }
        return frames;
    }

    [Fact]
    public void Header_is_zero_zero_big_endian_total_length_and_four_digit_invoke_id()
    {
        var frame = Frame(42, "<x/>");
        Assert.Equal(new byte[] { 0, 0, 0, 12, (byte)'0', (byte)'0', (byte)'4', (byte)'2' }, frame[..8]);
        Assert.Equal("<x/>", Encoding.ASCII.GetString(frame[8..]));
    }

    [Fact]
    public void Frames_split_at_every_byte_and_several_per_read_are_reassembled()
    {
        var stream = Frame(1, "<a/>").Concat(Frame(2, "<bb/>")).Concat(Frame(9999, "")).ToArray();
        for (var split = 0; split <= stream.Length; split++)
        {
            var frames = FeedAll(InvokeIdHeaderFraming.Instance.CreateDecoder(), [stream[..split], stream[split..]], out var failure);
            Assert.Null(failure);
            Assert.Equal([(1, "<a/>"), (2, "<bb/>"), (9999, "")], frames);
        }
        var byteByByte = FeedAll(InvokeIdHeaderFraming.Instance.CreateDecoder(), stream.Select(b => new[] { b }), out _);
        Assert.Equal(3, byteByByte.Count);
    }

    [Fact]
    public void Random_payloads_and_chunkings_round_trip()
    {
        var gen = from sizes in Gen.ListOf(Gen.Choose(0, 3000))
                  from chunk in Gen.Choose(1, 5000)
                  select (sizes.ToArray(), chunk);
        Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var (sizes, chunk) = input;
            var payloads = sizes.Select((size, i) => new string((char)('a' + i % 26), size)).ToArray();
            var stream = payloads.SelectMany((p, i) => Frame(i % 9999 + 1, p)).ToArray();
            var chunks = stream.Chunk(chunk).ToArray();
            var frames = FeedAll(InvokeIdHeaderFraming.Instance.CreateDecoder(), chunks, out var failure);
            return failure is null && frames.Select(f => f.Payload).SequenceEqual(payloads)
                   && frames.Select(f => f.Id).SequenceEqual(payloads.Select((_, i) => i % 9999 + 1));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Largest_frame_passes_and_oversized_payload_is_refused_on_write()
    {
        var max = new byte[InvokeIdHeaderFraming.Instance.MaxPayloadBytes];
        var output = new ArrayBufferWriter<byte>();
        Assert.Null(InvokeIdHeaderFraming.Instance.TryWriteFrame(1, max, output));
        var decoder = InvokeIdHeaderFraming.Instance.CreateDecoder();
        var count = 0;
        Assert.Null(decoder.Feed(output.WrittenSpan, (_, p) => count += p.Length));
        Assert.Equal(max.Length, count);
        Assert.NotNull(InvokeIdHeaderFraming.Instance.TryWriteFrame(1, new byte[max.Length + 1], new ArrayBufferWriter<byte>()));
        Assert.NotNull(InvokeIdHeaderFraming.Instance.TryWriteFrame(10000, [], new ArrayBufferWriter<byte>()));
    }

    [Fact]
    public void Frame_over_the_configured_limit_refuses_the_stream()
    {
        var framing = new InvokeIdHeaderFraming(maxFrameBytes: 1024);
        var decoder = framing.CreateDecoder();
        var failure = decoder.Feed(Frame(1, new string('x', 2000))[..100], (_, _) => Assert.Fail("no frame expected"));
        Assert.Contains("exceeds the limit of 1024", failure);
        Assert.NotNull(framing.TryWriteFrame(1, new byte[1017], new ArrayBufferWriter<byte>()));
        Assert.Null(framing.TryWriteFrame(1, new byte[1016], new ArrayBufferWriter<byte>()));
    }

    [Theory]
    [InlineData(new byte[] { 1, 0, 0, 12, 48, 48, 48, 49 }, "0x00 0x00")]
    [InlineData(new byte[] { 0, 0, 0, 7, 48, 48, 48, 49 }, "shorter")]
    [InlineData(new byte[] { 0, 0, 0, 12, 48, 65, 48, 49 }, "digit")]
    public void Garbage_header_refuses_the_stream_with_a_reason(byte[] header, string reasonPart)
    {
        var decoder = InvokeIdHeaderFraming.Instance.CreateDecoder();
        var failure = decoder.Feed(header, (_, _) => Assert.Fail("no frame expected"));
        Assert.Contains(reasonPart, failure);
        Assert.Equal(failure, decoder.Feed(Frame(1, "<ok/>"), (_, _) => Assert.Fail("refused stream delivers nothing")));
    }

    [Fact]
    public void Invoke_ids_run_from_1_to_9998_wrap_and_skip_ids_in_use()
    {
        var allocator = new InvokeIdAllocator();
        var ids = Enumerable.Range(0, 9998).Select(_ => allocator.Next(_ => false)!.Value).ToList();
        Assert.Equal(Enumerable.Range(1, 9998), ids);
        Assert.Equal(1, allocator.Next(_ => false));
        Assert.Equal(4, allocator.Next(id => id is 2 or 3));
        Assert.Null(allocator.Next(_ => true));
    }

    [Fact]
    public void Link_codec_reports_bad_xml_and_keeps_going()
    {
        var link = new CstaLinkCodec();
        var output = new ArrayBufferWriter<byte>();
        output.Write(Frame(5, "<broken"));
        Assert.Null(link.TryWrite(6, new MonitorStart("3001"), output));
        var received = new List<CstaInbound>();
        Assert.Null(link.Receive(output.WrittenSpan, received.Add));
        Assert.Equal(2, received.Count);
        Assert.False(received[0].Result.IsSuccess);
        Assert.Equal(new MonitorStart("3001"), received[1].Result.Message);
        Assert.Equal(6, received[1].InvokeId);
        Assert.Equal(1, link.DecodeErrors);
    }
}
