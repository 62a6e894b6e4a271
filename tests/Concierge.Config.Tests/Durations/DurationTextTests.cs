using Concierge.Config.Durations;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Concierge.Config.Tests.Durations;

public sealed class DurationTextTests
{
    private static readonly (string Name, long Milliseconds)[] Units =
    [
        ("ms", 1), ("millisecond", 1), ("milliseconds", 1), ("s", 1000), ("sec", 1000), ("second", 1000), ("seconds", 1000),
        ("secs", 1000), ("min", 60_000), ("mins", 60_000), ("minute", 60_000), ("minutes", 60_000), ("h", 3_600_000), ("hour", 3_600_000), ("hours", 3_600_000),
        ("d", 86_400_000), ("day", 86_400_000), ("days", 86_400_000),
    ];

    [Theory]
    [InlineData("500 ms", 500)]
    [InlineData("30 s", 30_000)]
    [InlineData("120 s", 120_000)]
    [InlineData("0 s", 0)]
    [InlineData("1 second", 1000)]
    [InlineData("5 seconds", 5000)]
    [InlineData("2 minutes", 120_000)]
    [InlineData("1 hour", 3_600_000)]
    [InlineData("20 days", 1_728_000_000)]
    [InlineData("1.5 s", 1500)]
    [InlineData("1.5 seconds", 1500)]
    [InlineData("2 mins", 120_000)]
    [InlineData("3 d", 259_200_000)]
    [InlineData(" 30s ", 30_000)]
    public void Reads_the_forms_topologies_and_steps_use(string text, long milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), DurationText.Parse(text));

    [Theory]
    [InlineData("-5 s")]
    [InlineData("30")]
    [InlineData("s")]
    [InlineData("thirty seconds")]
    [InlineData("30 fortnights")]
    [InlineData("0.5 ms")]
    [InlineData("1.2.3 s")]
    [InlineData("")]
    public void Rejects_what_is_not_a_duration(string text)
    {
        Assert.False(DurationText.TryParse(text, out _));
        var error = Assert.Throws<FormatException>(() => DurationText.Parse(text));
        Assert.StartsWith($"\"{text}\" is not a duration", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "0 seconds")]
    [InlineData(500, "500 ms")]
    [InlineData(1_000, "1 second")]
    [InlineData(30_000, "30 seconds")]
    [InlineData(60_000, "1 minute")]
    [InlineData(120_000, "2 minutes")]
    [InlineData(3_600_000, "1 hour")]
    [InlineData(172_800_000, "2 days")]
    [InlineData(1_500, "1.5 seconds")]
    [InlineData(90_500, "90.5 seconds")]
    [InlineData(86_400_000, "1 day")]
    public void Writes_with_the_largest_exact_unit(long milliseconds, string text) =>
        Assert.Equal(text, DurationText.Format(TimeSpan.FromMilliseconds(milliseconds)));

    [Property]
    public Property Format_then_parse_gives_back_every_whole_millisecond_duration() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).Select(ms => TimeSpan.FromMilliseconds(ms)).ToArbitrary(),
                d => DurationText.Parse(DurationText.Format(d)) == d)
            ;

    [Property]
    public Property A_whole_number_and_any_unit_spelling_parses_to_number_times_unit() =>
        Prop.ForAll(Gen.Choose(0, 10_000).ToArbitrary(), Gen.Elements(Units).ToArbitrary(), Gen.Elements("", " ", "  ").ToArbitrary(),
                (amount, unit, space) => DurationText.Parse($"{amount}{space}{unit.Name}") == TimeSpan.FromMilliseconds(amount * unit.Milliseconds))
            ;

    [Property]
    public Property Any_text_parses_to_a_non_negative_duration_or_is_rejected_without_throwing() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            var reason = DurationText.Reject(text, out var duration);
            return reason is null ? duration >= TimeSpan.Zero && duration <= DurationText.Maximum : reason.StartsWith("is not a duration", StringComparison.Ordinal);
        });

    [Property]
    public Property A_leading_minus_is_never_accepted() =>
        Prop.ForAll(Gen.Choose(0, 100_000).ToArbitrary(), Gen.Elements(Units).ToArbitrary(),
                (amount, unit) => !DurationText.TryParse($"-{amount} {unit.Name}", out _))
            ;

    [Property]
    public Property The_step_pattern_matches_every_spelling_the_parser_reads() =>
        Prop.ForAll(Gen.Choose(0, 10_000).ToArbitrary(), Gen.Elements(Units).ToArbitrary(), Gen.Elements("", " ").ToArbitrary(),
                (amount, unit, space) => StepPattern.IsMatch($"{amount}{space}{unit.Name}"))
            ;

    [Property]
    public Property The_step_pattern_matches_what_format_writes() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).Select(ms => TimeSpan.FromMilliseconds(ms)).ToArbitrary(),
                d => StepPattern.IsMatch(DurationText.Format(d)))
            ;

    private static readonly System.Text.RegularExpressions.Regex StepPattern = new("^(?:" + DurationText.Pattern + ")$");
}
