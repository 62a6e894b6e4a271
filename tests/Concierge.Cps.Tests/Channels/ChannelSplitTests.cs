using Concierge.Cps.Channels;
using FsCheck;
using FsCheck.Fluent;

namespace Concierge.Cps.Tests.Channels;

public sealed class ChannelSplitTests
{
    [Theory]
    [InlineData(10, 3, 6, 4)]   // the guide's example (C 6.3.1.3)
    [InlineData(30, 3, 21, 9)]  // the standard topology
    [InlineData(120, 1, 59, 61)]
    [InlineData(250, 5, 206, 44)]
    [InlineData(2, 3, 0, 2)]
    public void Splits_channels_as_the_guide_says(int channels, int ratio, int processing, int operational)
    {
        Assert.Equal(new ChannelSplit(processing, operational), ChannelSplit.For(channels, ratio));
    }

    [Fact]
    public void Property_the_split_keeps_the_total_and_the_two_reserved_channels()
    {
        Prop.ForAll(Gen.Choose(2, 250).ToArbitrary(), Gen.Choose(1, 5).ToArbitrary(), (n, r) =>
        {
            var split = ChannelSplit.For(n, r);
            return split.Total == n && split.Operational >= ChannelSplit.ReservedOperational && split.Processing >= 0;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Property_where_the_division_is_exact_the_formula_holds_to_the_letter()
    {
        Prop.ForAll(Gen.Choose(0, 60).ToArbitrary(), Gen.Choose(1, 5).ToArbitrary(), (k, r) =>
        {
            var n = k * (1 + r) + 2;
            var split = ChannelSplit.For(n, r);
            return split.Processing == (n - 2) / (1 + r) * r && split.Operational == (n - 2) / (1 + r) + 2;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Property_processing_is_the_largest_whole_share_not_above_the_formula()
    {
        Prop.ForAll(Gen.Choose(2, 250).ToArbitrary(), Gen.Choose(1, 5).ToArbitrary(), (n, r) =>
        {
            var exact = (n - 2) / (1.0 + r) * r;
            var processing = ChannelSplit.For(n, r).Processing;
            return processing <= exact + 1e-9 && processing + 1 > exact - 1e-9;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Bad_inputs_name_the_parameter()
    {
        Assert.Equal("channels", Assert.Throws<ArgumentOutOfRangeException>(() => ChannelSplit.For(1, 3)).ParamName);
        Assert.Equal("ratio", Assert.Throws<ArgumentOutOfRangeException>(() => ChannelSplit.For(10, 0)).ParamName);
    }
}
