using Concierge.Cps.Attendants;
using Concierge.Csta.Numbers;
using FsCheck;
using FsCheck.Fluent;

namespace Concierge.Cps.Tests.Attendants;

public sealed class DialledNumberTests
{
    /// <summary>The routing data of osv-example (C 6.2.3.2's example numbers).</summary>
    private static readonly PabxRoutingData Guide = new("49", "5050", "580", 4, new AccessCodes("0", "0", "00"));

    [Theory]
    [InlineData("7001", "+4950505807001")]
    [InlineData("0 0 5050 580 7001", "+4950505807001")]
    [InlineData("0 00 49 5050 580-7001", "+4950505807001")]
    [InlineData("0 00 44 20 7946 0018", "+442079460018")]
    [InlineData("+49 (5050) 580/7001", "+4950505807001")]
    [InlineData("0 0 30 1234567", "+49301234567")]
    public void A_typed_number_reads_into_E164_with_the_routing_data(string typed, string expected)
    {
        Assert.True(DialledNumber.TryRead(typed, Guide, out var number, out var reason), reason);
        Assert.Equal(expected, number.ToString());
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData(" - ", "has no digits")]
    [InlineData("70012", "is not a number on this PABX: '70012' has 5 digits, more than the longest extension (4), and no access code")]
    [InlineData("70a1", "is not a number on this PABX: '70a1' has characters other than digits")]
    [InlineData("+0123", "is not an E.164 number: the first digit must not be 0")]
    public void A_number_that_cannot_be_read_is_refused_with_the_reason(string typed, string expected)
    {
        Assert.False(DialledNumber.TryRead(typed, Guide, out _, out var reason));
        Assert.StartsWith(expected.Split(':')[0], reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_routing_data_digits_are_the_international_number()
    {
        Assert.True(DialledNumber.TryRead("49 5050 580 7001", null, out var number, out _));
        Assert.Equal("+4950505807001", number.ToString());
        Assert.False(DialledNumber.TryRead("7001x", null, out _, out _));
    }

    [Fact]
    public void A_typed_number_longer_than_the_limit_is_refused()
    {
        Assert.False(DialledNumber.TryRead(new string('1', DialledNumber.MaxTypedLength + 1), Guide, out _, out var reason));
        Assert.Contains("more than", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Separators_anywhere_change_nothing()
    {
        var forms = Gen.Elements("7001", "0050505807001", "000495050580 7001", "+4950505807001", "00030123456", "70012", "0");
        var separators = Gen.ArrayOf(Gen.Elements(" ", "-", "/", ".", "(", ")", ""), 16);
        Prop.ForAll(forms.ToArbitrary(), separators.ToArbitrary(), (typed, seps) =>
        {
            var spaced = string.Concat(typed.Select((c, i) => seps[i % seps.Length] + c));
            var plain = DialledNumber.TryRead(typed, Guide, out var a, out var whyA);
            var withSeparators = DialledNumber.TryRead(spaced, Guide, out var b, out var whyB);
            return plain == withSeparators && (plain ? a == b : whyA.Length > 0 && whyB.Length > 0);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Every_form_the_plan_writes_reads_back_as_the_same_number()
    {
        var plan = NumberPlan.Create(Guide);
        var numbers = Gen.Elements("4950505807001", "4950505807999", "49301234567", "442079460018", "15551234567");
        Prop.ForAll(numbers.ToArbitrary(), Gen.Elements(Enum.GetValues<NumberForm>()).ToArbitrary(), (digits, form) =>
        {
            if (!plan.TryFormat(digits, form, out var typed, out _)) return true;
            return DialledNumber.TryRead(typed, Guide, out var number, out _) && number.ToString() == "+" + digits;
        }).QuickCheckThrowOnFailure();
    }
}
