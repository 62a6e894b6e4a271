using Concierge.Cps.Channels;
using Concierge.Scenarios.Channels;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Concierge.Scenarios.Tests.Values;

public sealed class ChannelFormulaTests
{
    [Theory]
    [InlineData(10, 3, 6, 4)]   // the guide's example (C 6.3.1.3)
    [InlineData(30, 3, 21, 9)]
    [InlineData(10, 1, 4, 6)]
    [InlineData(120, 5, 98, 22)]
    [InlineData(3, 1, 0, 3)]
    public void Splits_like_the_guide(int channels, int ratio, int processing, int operational) =>
        Assert.Equal(new ChannelSplit(processing, operational), ChannelFormula.Split(new ChannelSettings(channels, ratio)));

    [Property]
    public Property The_split_adds_up_keeps_two_operational_and_follows_the_ratio() =>
        Prop.ForAll(Gen.Choose(3, 250).ToArbitrary(), Gen.Choose(1, 5).ToArbitrary(), (n, r) =>
        {
            var split = ChannelFormula.Split(new ChannelSettings(n, r));
            var exactProcessing = (n - 2) * (double)r / (1 + r);
            return split.Total == n && split.Operational >= 2 && split.Processing <= exactProcessing && split.Processing > exactProcessing - 1;
        });

    [Fact]
    public void Rejects_impossible_settings()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ChannelFormula.Split(new ChannelSettings(2, 3)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChannelFormula.Split(new ChannelSettings(10, 0)));
    }
}
