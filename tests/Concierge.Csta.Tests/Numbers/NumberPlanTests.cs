using Concierge.Csta.Numbers;

namespace Concierge.Csta.Tests.Numbers;

public sealed class NumberPlanTests
{
    // Munich example: +49 89 700-xxxx, outside line 0, national 0, international 00.
    private static readonly PabxRoutingData Munich = new("49", "89", "700", 4, new AccessCodes("0", "0", "00"));
    private readonly NumberPlan _plan = NumberPlan.Create(Munich);

    [Theory]
    [InlineData("7001", NumberForm.Extension, "49897007001")]
    [InlineData("0089123456", NumberForm.National, "4989123456")]
    [InlineData("00049301234", NumberForm.International, "49301234")]
    [InlineData("000441234567", NumberForm.International, "441234567")]
    [InlineData("0123456", NumberForm.Local, "4989123456")]
    [InlineData("+4989123456", NumberForm.E164, "4989123456")]
    public void Reads_every_form(string text, NumberForm form, string digits)
    {
        Assert.True(_plan.TryParse(text, out var number, out var error), error);
        Assert.Equal(new ParsedNumber(form, digits), number);
    }

    [Theory]
    [InlineData(NumberForm.Extension, "7001")]
    [InlineData(NumberForm.Local, "07007001")]
    [InlineData(NumberForm.National, "00897007001")]
    [InlineData(NumberForm.International, "00049897007001")]
    [InlineData(NumberForm.E164, "+49897007001")]
    public void Writes_an_own_number_in_every_form(NumberForm form, string expected)
    {
        Assert.True(_plan.TryFormat("49897007001", form, out var text, out var error), error);
        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("70a1", "other than digits")]
    [InlineData("70011", "longest extension")]
    [InlineData("0", "ends after")]
    [InlineData("00", "ends after the national")]
    [InlineData("0000441", "cannot start with 0")]
    [InlineData("+0441234", "cannot start with 0")]
    [InlineData("+4412345678901234", "more than the 15")]
    [InlineData("+", "no digits")]
    [InlineData("00049123456789012345", "more than the 15")]
    public void Refuses_digits_that_fit_no_form_with_a_reason(string text, string reasonPart)
    {
        Assert.False(_plan.TryParse(text, out _, out var error));
        Assert.Contains(reasonPart, error);
    }

    [Fact]
    public void Foreign_number_has_no_national_local_or_extension_form()
    {
        Assert.False(_plan.TryFormat("441234567", NumberForm.National, out _, out var national));
        Assert.Contains("country 49", national);
        Assert.False(_plan.TryFormat("4930123", NumberForm.Local, out _, out var local));
        Assert.Contains("area", local);
        Assert.False(_plan.TryFormat("4989123456", NumberForm.Extension, out _, out var extension));
        Assert.Contains("trunk", extension);
        Assert.True(_plan.TryFormatDialString("441234567", out var dial, out _));
        Assert.Equal("000441234567", dial);
    }

    [Fact]
    public void Vnr_connection_speaks_e164_on_csta_and_reads_it_back_as_own_number()
    {
        var vnr = NumberPlan.Create(Munich with { UseVnr = true });
        Assert.True(vnr.TryFormatForCsta("49897007001", out var csta, out _));
        Assert.Equal("+49897007001", csta);
        Assert.True(vnr.TryParse(csta, out var back, out _));
        Assert.True(vnr.TryFormat(back.InternationalDigits, NumberForm.Extension, out var extension, out _));
        Assert.Equal("7001", extension);

        Assert.True(_plan.TryFormatForCsta("49897007001", out var plain, out _));
        Assert.Equal("7001", plain);
    }

    [Theory]
    [InlineData("0049", "country code")]
    [InlineData("", "country code")]
    public void Refuses_bad_routing_data(string countryCode, string reasonPart)
    {
        Assert.False(NumberPlan.TryCreate(Munich with { CountryCode = countryCode }, out _, out var error));
        Assert.Contains(reasonPart, error);
    }

    [Fact]
    public void Refuses_routing_whose_extensions_would_exceed_e164()
    {
        Assert.False(NumberPlan.TryCreate(new PabxRoutingData("358", "6221", "12345", 6, new AccessCodes("0", "0", "00")), out _, out var error));
        Assert.Contains("E.164", error);
    }

    [Fact]
    public void Refuses_equal_national_and_international_codes()
    {
        Assert.False(NumberPlan.TryCreate(Munich with { AccessCodes = new AccessCodes("0", "00", "00") }, out _, out var error));
        Assert.Contains("differ", error);
    }
}
