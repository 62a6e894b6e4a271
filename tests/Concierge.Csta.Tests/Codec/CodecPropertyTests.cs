using Concierge.Csta.Codec;
using FsCheck;
using FsCheck.Fluent;

namespace Concierge.Csta.Tests.Codec;

public sealed class CodecPropertyTests
{
    [Fact]
    public void Generated_messages_round_trip()
    {
        var codec = new CstaXmlCodec();
        Prop.ForAll(RandomMessages.Arbitrary(), message =>
        {
            var bytes = codec.TryEncode(message, out var error);
            if (bytes is null) return false.Label($"encode failed: {error}");
            var decoded = codec.Decode(bytes);
            return (decoded.IsSuccess && Equals(decoded.Message, message))
                .Label($"{message}\n decoded as {decoded.Message?.ToString() ?? decoded.Error}");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(2_000));
    }

    [Fact]
    public void Every_generated_message_type_is_reachable()
    {
        var random = new Random(7);
        var seen = new HashSet<Type>();
        for (var i = 0; i < 5_000; i++) seen.Add(RandomMessages.Create(random).GetType());
        Assert.Equal(SampleMessages.All.Select(m => m.GetType()).Distinct().Count(), seen.Count);
    }
}
