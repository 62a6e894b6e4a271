using Concierge.Config.Numbers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Concierge.Config.Tests.Numbers;

public sealed class E164NumberTests
{
    private static readonly Gen<string> DigitStrings =
        from length in Gen.Choose(1, 15)
        from first in Gen.Choose(1, 9)
        from rest in Gen.ArrayOf(Gen.Choose(0, 9), length - 1)
        select first + string.Concat(rest);

    [Theory]
    [InlineData("+4950505803201", true)]
    [InlineData("+1", true)]
    [InlineData("+123456789012345", true)]
    [InlineData("+1234567890123456", false)]
    [InlineData("4950505803201", false)]
    [InlineData("+04950505803201", false)]
    [InlineData("+49 5050 580", false)]
    [InlineData("+495050580-9000", false)]
    [InlineData("+", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Accepts_only_plus_and_up_to_15_digits(string? text, bool valid)
    {
        Assert.Equal(valid, E164Number.TryParse(text, out _));
        Assert.Equal(valid, E164Number.Reject(text) is null);
    }

    [Fact]
    public void Parse_failure_names_the_value_and_the_reason()
    {
        var error = Assert.Throws<FormatException>(() => E164Number.Parse("4950505803201"));
        Assert.Equal("\"4950505803201\" is not an E.164 number with '+'", error.Message);
    }

    [Property]
    public Property Valid_numbers_round_trip_through_text() =>
        Prop.ForAll(DigitStrings.ToArbitrary(), digits =>
        {
            var number = E164Number.Parse("+" + digits);
            return number.ToString() == "+" + digits && number.Digits == digits && number.Length == digits.Length
                   && E164Number.Parse(number.ToString()) == number;
        });

    [Property]
    public Property Any_text_is_either_rejected_with_a_reason_or_is_its_own_canonical_form() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            var accepted = E164Number.TryParse(text, out var number);
            return accepted
                ? number.ToString() == text && E164Number.Reject(text) is null
                : E164Number.Reject(text) is { Length: > 0 } && Throws(() => E164Number.Parse(text ?? ""));
        });

    [Property]
    public Property Without_the_plus_a_number_is_never_accepted() =>
        Prop.ForAll(DigitStrings.ToArbitrary(), digits => !E164Number.TryParse(digits, out _));

    [Property]
    public Property Offset_moves_by_the_numeric_difference_or_refuses_to_change_length() =>
        Prop.ForAll(DigitStrings.ToArbitrary(), Gen.Choose(-1000, 1000).ToArbitrary(), (digits, offset) =>
        {
            var number = E164Number.Parse("+" + digits);
            var moved = number.Offset(offset);
            var expected = number.NumericValue + offset;
            var fits = expected >= 0 && expected.ToString(System.Globalization.CultureInfo.InvariantCulture).Length == digits.Length;
            return moved is { } m ? fits && m.NumericValue == expected && m.Length == number.Length : !fits;
        });

    [Fact]
    public void Ordering_is_by_length_then_digits()
    {
        var numbers = new[] { "+4950505803219", "+491", "+4950505803201", "+4950505807580" }.Select(E164Number.Parse).Order().Select(n => n.ToString());
        Assert.Equal(["+491", "+4950505803201", "+4950505803219", "+4950505807580"], numbers);
    }

    [Fact]
    public void Last_digits_give_the_topology_alias() => Assert.Equal("7580", E164Number.Parse("+4950505807580").LastDigits(4));

    private static bool Throws(Action action)
    {
        try
        {
            action();
            return false;
        }
        catch (FormatException)
        {
            return true;
        }
    }
}
