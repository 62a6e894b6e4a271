using System.Buffers;
using Concierge.Csta.Framing;
using Concierge.Csta.Tests.Codec;

namespace Concierge.Csta.Tests.Framing;

public sealed class FrameFuzzTests
{
    private const int MutatedFrames = 100_000;

    [Fact]
    public void Mutated_frames_never_throw_and_the_link_recovers_or_closes()
    {
        var random = new Random(20261122);
        var link = new CstaLinkCodec();
        var valid = SampleMessages.All.Select((m, i) =>
        {
            var output = new ArrayBufferWriter<byte>();
            Assert.Null(link.TryWrite(i + 1, m, output));
            return output.WrittenSpan.ToArray();
        }).ToArray();

        int closed = 0, recovered = 0, decodeErrors = 0, decoded = 0;
        for (var n = 0; n < MutatedFrames; n++)
        {
            var original = valid[random.Next(valid.Length)];
            var (mutated, framingIntact) = Mutate(original, random);
            var follower = valid[random.Next(valid.Length)];
            var stream = mutated.Concat(follower).ToArray();

            var codec = new CstaLinkCodec();
            var inbound = new List<CstaInbound>();
            string? failure = null;
            var offset = 0;
            while (offset < stream.Length && failure is null)
            {
                var size = Math.Min(stream.Length - offset, 1 + random.Next(400));
                failure = codec.Receive(stream.AsSpan(offset, size), inbound.Add);
                offset += size;
            }

            Assert.True(codec.Xml.InternalErrors == 0, codec.Xml.LastInternalError);
            decoded += inbound.Count(i => i.Result.IsSuccess);
            decodeErrors += inbound.Count(i => !i.Result.IsSuccess);
            if (failure is not null)
            {
                closed++;
                Assert.Equal(failure, codec.Receive(follower, _ => Assert.Fail("a refused stream delivers nothing")));
            }
            else if (framingIntact)
            {
                Assert.Equal(2, inbound.Count);
                Assert.True(inbound[1].Result.IsSuccess, inbound[1].Result.Error);
                recovered++;
            }
            Assert.All(inbound.Where(i => !i.Result.IsSuccess), i => Assert.False(string.IsNullOrEmpty(i.Result.Error)));
        }
        Assert.True(closed > 1000, $"closed {closed}");
        Assert.True(recovered > 1000, $"recovered {recovered}");
        Assert.True(decodeErrors > 1000, $"decode errors {decodeErrors}");
        Assert.True(decoded > 1000, $"decoded {decoded}");
    }

    /// <summary>Applies one mutation; says whether the frame boundaries are still intact (header and length unchanged).</summary>
    private static (byte[] Frame, bool FramingIntact) Mutate(byte[] frame, Random random)
    {
        var copy = frame.ToArray();
        var payloadStart = InvokeIdHeaderFraming.HeaderBytes;
        switch (random.Next(7))
        {
            case 0:
            {
                var at = payloadStart + random.Next(copy.Length - payloadStart);
                copy[at] ^= (byte)(1 << random.Next(8));
                return (copy, true);
            }
            case 1:
            {
                var at = payloadStart + random.Next(copy.Length - payloadStart);
                copy[at] = (byte)random.Next(256);
                return (copy, true);
            }
            case 2:
            {
                var at = random.Next(payloadStart);
                copy[at] = (byte)random.Next(256);
                return (copy, copy[at] == frame[at]);
            }
            case 3:
            {
                var at = random.Next(copy.Length);
                var insert = new byte[1 + random.Next(16)];
                random.NextBytes(insert);
                return ([.. copy[..at], .. insert, .. copy[at..]], false);
            }
            case 4:
            {
                var at = random.Next(copy.Length);
                var count = Math.Min(copy.Length - at, 1 + random.Next(16));
                return ([.. copy[..at], .. copy[(at + count)..]], false);
            }
            case 5:
            {
                var length = random.Next(0, 0x10000);
                copy[2] = (byte)(length >> 8);
                copy[3] = (byte)length;
                return (copy, length == frame.Length);
            }
            default:
            {
                var garbage = new byte[1 + random.Next(64)];
                random.NextBytes(garbage);
                return (garbage, false);
            }
        }
    }
}
