using Concierge.Csta.Numbers;

namespace Concierge.Csta.Tests.Numbers;

public sealed class OsvDeviceIdentifierTests
{
    [Fact]
    public void Reads_a_number_with_its_nature_of_address()
    {
        Assert.True(OsvDeviceIdentifier.TryParse("N<3021061290002>;noa=nk", out var id, out var error), error);
        Assert.Equal("3021061290002", id.Number);
        Assert.Null(id.Name);
        Assert.Equal("nk", id.Noa);
        Assert.Equal(NatureOfAddress.Unknown, id.NatureOfAddress);
    }

    [Fact]
    public void Reads_a_line_appearance_with_display_number_and_uid()
    {
        const string text = "N<7868772298>Line71001;displayNumber=7868772298;uid=a3f9-0071";
        Assert.True(OsvDeviceIdentifier.TryParse(text, out var id, out var error), error);
        Assert.Equal("7868772298", id.Number);
        Assert.Equal("Line71001", id.Name);
        Assert.Equal("7868772298", id.DisplayNumber);
        Assert.Equal("a3f9-0071", id.Parameter("UID"));
        Assert.Equal(text, id.ToString());
    }

    [Theory]
    [InlineData("international", NatureOfAddress.International)]
    [InlineData("National", NatureOfAddress.National)]
    [InlineData("subscriber", NatureOfAddress.Subscriber)]
    [InlineData("unknown", NatureOfAddress.Unknown)]
    [InlineData("something-new", NatureOfAddress.Unknown)]
    public void Nature_of_address_names(string noa, NatureOfAddress expected)
    {
        Assert.True(OsvDeviceIdentifier.TryParse($"N<123>;noa={noa}", out var id, out _));
        Assert.Equal(expected, id.NatureOfAddress);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("4950505807580", "does not start with 'N<'")]
    [InlineData("N<4950505807580", "no '>'")]
    [InlineData("N<>;noa=nk", "no digits")]
    [InlineData("N<49a>;noa=nk", "character 'a'")]
    [InlineData("N<49>;noa", "has no '='")]
    [InlineData("N<49>;=x", "has no name")]
    [InlineData("N<49>;1x=y", "does not start with a letter")]
    [InlineData("N<49>;noa=nk;NOA=international", "given twice")]
    [InlineData("N<49>Line 7", "character 'U+0020'")]
    [InlineData("N<123456789012345678901234567890123>", "longer than 32")]
    public void Refuses_what_breaks_the_grammar_and_says_why(string text, string reason)
    {
        Assert.False(OsvDeviceIdentifier.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_identifier_that_cannot_be_written_says_why()
    {
        var bad = new OsvDeviceIdentifier("12", "Line;1", ValueList<KeyValuePair<string, string>>.Empty);
        Assert.Contains("name", bad.Problem());
        Assert.Throws<InvalidOperationException>(() => bad.ToString());
    }
}
