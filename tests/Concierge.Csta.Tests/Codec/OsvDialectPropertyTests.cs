using Concierge.Csta.Codec;
using Concierge.Csta.Messages;
using Concierge.Csta.Numbers;
using FsCheck;
using FsCheck.Fluent;

namespace Concierge.Csta.Tests.Codec;

public sealed class OsvDialectPropertyTests
{
    /// <summary>What the simulated OSV does: E.164 numbers go out as N&lt;digits&gt;;noa=international, anything else as is.</summary>
    private static string OsvSpelling(string device)
    {
        var normaliser = DeviceNumberNormaliser.InternationalOnly;
        return device.StartsWith('+') && normaliser.TryNumber(device, NatureOfAddress.Unknown, out _, out _)
            ? OsvDeviceIdentifier.WithNoa(device[1..], "international").ToString()
            : device;
    }

    private static CstaMessage WithoutScx(CstaMessage message)
    {
        if (message.PrivateData is not { } data) return message;
        var items = data.OtherItems.Where(i => !OsvExtras.IsOwnScx(i)).ToList();
        return message with { PrivateData = data.OnsOnd is null && items.Count == 0 ? null : new PrivateData(data.OnsOnd, new ValueList<string>(items)) };
    }

    [Fact]
    public void Every_message_written_in_the_osv_dialect_reads_back_as_itself()
    {
        var writer = new CstaXmlCodec(new CstaDialect { WrittenNamespace = CstaNamespace.Edition4, WriteDevice = OsvSpelling, WriteOsvExtras = true });
        var reader = new CstaXmlCodec(new CstaDialect { ReadDevice = DeviceNumberNormaliser.InternationalOnly.Normalise });
        Prop.ForAll(RandomMessages.Arbitrary(), message =>
        {
            var bytes = writer.TryEncode(message, out var error);
            if (bytes is null) return false.Label($"encode failed: {error}");
            var decoded = reader.Decode(bytes);
            return (decoded.IsSuccess && Equals(WithoutScx(decoded.Message!), WithoutScx(message)))
                .Label($"{message}\n decoded as {decoded.Message?.ToString() ?? decoded.Error}");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(1_000));
        Assert.Equal(0, reader.InternalErrors);
    }
}
