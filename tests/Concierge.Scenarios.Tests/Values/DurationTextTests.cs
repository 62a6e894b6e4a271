using Concierge.Scenarios.Values;
using FsCheck;
using FsCheck.Fluent;

namespace Concierge.Scenarios.Tests.Values;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("500 ms", 500)]
    [InlineData("5 seconds", 5_000)]
    [InlineData("1 second", 1_000)]
    [InlineData("2 minutes", 120_000)]
    [InlineData("1 hour", 3_600_000)]
    [InlineData("20 days", 1_728_000_000)]
    [InlineData("1.5 seconds", 1_500)]
    [InlineData("30 s", 30_000)]
    public void Reads_the_durations_of_the_step_language(string text, long milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), DurationText.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("five seconds")]
    [InlineData("5 fortnights")]
    [InlineData("-5 seconds")]
    public void Rejects_what_is_not_a_duration(string text)
    {
        Assert.False(DurationText.TryParse(text, out _));
        var error = Assert.Throws<FormatException>(() => DurationText.Parse(text));
        Assert.Contains("500 ms", error.Message);
    }

    [Fact]
    public void Format_then_parse_gives_the_same_duration() =>
        Prop.ForAll(ArbMap.Default.ArbFor<uint>(), ms =>
        {
            var duration = TimeSpan.FromMilliseconds(ms);
            return DurationText.Parse(DurationText.Format(duration)) == duration;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Format_writes_whole_units()
    {
        Assert.Equal("1 second", DurationText.Format(TimeSpan.FromSeconds(1)));
        Assert.Equal("2 minutes", DurationText.Format(TimeSpan.FromMinutes(2)));
        Assert.Equal("500 ms", DurationText.Format(TimeSpan.FromMilliseconds(500)));
        Assert.Equal("20 days", DurationText.Format(TimeSpan.FromDays(20)));
    }
}
