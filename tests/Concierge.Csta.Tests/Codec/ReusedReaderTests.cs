using System.Text;
using Concierge.Csta.Codec;
using Concierge.Csta.Messages;

namespace Concierge.Csta.Tests.Codec;

/// <summary>The shared-reader fast path must decide exactly like a fresh reader, whatever came before.</summary>
public sealed class ReusedReaderTests
{
    [Fact]
    public void Long_lived_codec_matches_a_fresh_reader_on_a_mixed_stream_of_documents()
    {
        var random = new Random(4242);
        var codec = new CstaXmlCodec();
        var reference = new CstaXmlCodec();
        var writer = new CstaXmlCodec();
        for (var i = 0; i < 20_000; i++)
        {
            var message = RandomMessages.Create(random);
            var document = writer.TryEncode(message, out _)!;
            document = random.Next(6) switch
            {
                0 => Mutate(document, random),
                1 => [.. document, .. "<extra/>"u8.ToArray()],
                2 => [0xEF, 0xBB, 0xBF, .. document],
                3 => document[38..],
                _ => document,
            };
            var fast = codec.Decode(document);
            var plain = reference.DecodeWithNewReader(document);
            Assert.True(fast.IsSuccess == plain.IsSuccess, $"#{i}: fast {fast.Error ?? "ok"} vs plain {plain.Error ?? "ok"}\n{Encoding.UTF8.GetString(document)}");
            Assert.Equal(plain.Message, fast.Message);
            if (!plain.IsSuccess && codec.FastPathDecodes > 0) Assert.False(string.IsNullOrEmpty(fast.Error));
        }
        Assert.True(codec.FastPathDecodes > 10_000, $"fast path used {codec.FastPathDecodes} times");
        Assert.True(codec.InternalErrors == 0, codec.LastInternalError);
        Assert.True(reference.InternalErrors == 0, reference.LastInternalError);
    }

    [Fact]
    public void Document_in_another_declared_encoding_is_read_correctly()
    {
        var xml = $"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><GenerateDigits xmlns=\"{CstaNamespace.Edition3}\"><connectionToSendDigits><callID>1</callID><deviceID>3001</deviceID></connectionToSendDigits><charactersToSend>\u00e9</charactersToSend></GenerateDigits>";
        var codec = new CstaXmlCodec();
        codec.Decode(codec.TryEncode(new MonitorStart("3001"), out _));
        var result = codec.Decode(Encoding.Latin1.GetBytes(xml));
        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal("\u00e9", ((GenerateDigits)result.Message!).CharactersToSend);
    }

    private static byte[] Mutate(byte[] document, Random random)
    {
        var copy = document.ToArray();
        for (var n = 1 + random.Next(3); n > 0; n--) copy[random.Next(copy.Length)] = (byte)random.Next(256);
        return copy;
    }
}
