using System.Text;
using System.Xml;
using System.Xml.Linq;
using Concierge.Csta.Codec;
using Concierge.Csta.Messages;

namespace Concierge.Csta.Tests.Codec;

public sealed class GoldenXmlTests
{
    private readonly CstaXmlCodec _codec = new();

    public static TheoryData<int> Indexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < SampleMessages.All.Count; i++) data.Add(i);
        return data;
    }

    private static string GoldenName(int index)
    {
        var message = SampleMessages.All[index];
        return $"{index:D2}-{CstaXmlCodec.ElementNameOf(message.GetType())}.xml";
    }

    [Theory]
    [MemberData(nameof(Indexes))]
    public void Sample_matches_its_golden_document_both_ways(int index)
    {
        var message = SampleMessages.All[index];
        var encoded = _codec.TryEncode(message, out var error);
        Assert.Null(error);
        var name = GoldenName(index);

        if (Environment.GetEnvironmentVariable("CSTA_WRITE_GOLDEN") == "1") WriteGolden(name, encoded!);

        var golden = File.ReadAllBytes(Path.Combine(TestPaths.GoldenOutput, name));
        var expectedTree = XDocument.Parse(Encoding.UTF8.GetString(golden));
        var actualTree = XDocument.Parse(Encoding.UTF8.GetString(encoded!));
        Assert.True(XNode.DeepEquals(expectedTree.Root, actualTree.Root), $"{name}:\n{actualTree}\nexpected\n{expectedTree}");

        var decoded = _codec.Decode(golden);
        Assert.True(decoded.IsSuccess, decoded.Error);
        Assert.Equal(message, decoded.Message);
    }

    [Theory]
    [MemberData(nameof(Indexes))]
    public void Sample_round_trips_and_reencodes_to_the_same_bytes(int index)
    {
        var message = SampleMessages.All[index];
        var first = _codec.TryEncode(message, out _)!;
        var decoded = _codec.Decode(first);
        Assert.True(decoded.IsSuccess, decoded.Error);
        Assert.Equal(message, decoded.Message);
        Assert.Equal(first, _codec.TryEncode(decoded.Message!, out _));
    }

    [Fact]
    public void Every_supported_element_has_a_sample()
    {
        var covered = SampleMessages.All.Select(m => CstaXmlCodec.ElementNameOf(m.GetType())).ToHashSet();
        var missing = CstaXmlCodec.SupportedElements.Where(e => !covered.Contains(e)).ToList();
        Assert.Empty(missing);
    }

    private static void WriteGolden(string name, byte[] encoded)
    {
        var doc = XDocument.Parse(Encoding.UTF8.GetString(encoded));
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        Directory.CreateDirectory(TestPaths.GoldenSource);
        using var writer = XmlWriter.Create(Path.Combine(TestPaths.GoldenSource, name), settings);
        doc.Save(writer);
    }
}
