using Concierge.Simulators.OsBiz.Numbering;
using FsCheck;
using FsCheck.Fluent;

namespace Concierge.Simulators.Tests.OsBiz.Numbering;

public class UnifyPhoneCallNumberTests
{
    private static readonly LocationNumber Standard = new("49", "2302", "667");

    [Fact]
    public void The_howto_number_for_2131_is_855004923026672131()
    {
        var number = UnifyPhoneCallNumber.For(NumberingSchema.International, "855", Standard, "2131");
        Assert.Equal("855004923026672131", number.Dialled);
        Assert.Equal("+4923026672131", number.TrunkNumber);
        Assert.True(number.IsValid);
        Assert.Equal("0049230266742135", UnifyPhoneCallNumber.For(NumberingSchema.International, "", Standard, "42135").Dialled);
    }

    [Fact]
    public void Internal_numbering_is_the_seizure_code_and_the_call_number()
    {
        var number = UnifyPhoneCallNumber.For(NumberingSchema.Internal, "855", Standard, "2131");
        Assert.Equal(("8552131", "2131", true), (number.Dialled, number.TrunkNumber, number.IsValid));
    }

    [Fact]
    public void A_number_over_15_digits_is_flagged_with_the_howto_hint()
    {
        var number = UnifyPhoneCallNumber.For(NumberingSchema.International, "855", Standard, "7654321");
        Assert.False(number.IsValid);
        Assert.Equal(UnifyPhoneCallNumber.E164LengthHint, number.InvalidReason);
        Assert.Contains("[Validate Numbers]", number.InvalidReason);
        Assert.True(UnifyPhoneCallNumber.For(NumberingSchema.International, "855", Standard, "765432").IsValid); // exactly 15
    }

    [Fact]
    public void The_formula_holds_for_every_location_and_call_number()
    {
        var digits = (int min, int max) => Gen.Choose(min, max).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 9), n)).Select(d => string.Concat(d));
        var cases = from cc in digits(1, 3)
                    from area in digits(0, 5)
                    from pabx in digits(0, 6)
                    from call in digits(1, 7)
                    from seizure in digits(1, 4)
                    select (cc, area, pabx, call, seizure);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var n = UnifyPhoneCallNumber.For(NumberingSchema.International, c.seizure, new LocationNumber(c.cc, c.area, c.pabx), c.call);
            var e164 = c.cc + c.area + c.pabx + c.call;
            return (n.Dialled == c.seizure + "00" + e164 && n.TrunkNumber == "+" + e164 && n.IsValid == (e164.Length <= 15)).Label($"{c}");
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(500));
    }

    [Theory]
    [InlineData("", "2302", "667", "country code '' must be 1–3 digits (it is mandatory)")]
    [InlineData("4a", "2302", "667", "country code '4a' must be 1–3 digits (it is mandatory)")]
    [InlineData("49", "2302x", "667", "local area code '2302x' must be up to 6 digits")]
    [InlineData("49", "2302", "123456789", "PABX number '123456789' must be up to 8 digits")]
    public void A_bad_location_number_names_the_part(string cc, string area, string pabx, string problem) =>
        Assert.Equal(problem, new LocationNumber(cc, area, pabx).Problem());

    [Fact]
    public void A_call_number_that_is_not_digits_is_refused() =>
        Assert.Throws<FormatException>(() => UnifyPhoneCallNumber.For(NumberingSchema.International, "855", Standard, "21a"));
}
