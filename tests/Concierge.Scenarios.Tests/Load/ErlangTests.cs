using Concierge.Scenarios.Load;
using Concierge.Scenarios.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Concierge.Scenarios.Tests.Load;

/// <summary>The Erlang formulas (known values and properties) and a short simulation that must agree with both.</summary>
public sealed class ErlangTests
{
    [Theory]
    [InlineData(15, 8.108, 0.0100)]
    [InlineData(1, 1.0, 0.5)]
    [InlineData(10, 5.0, 0.0184)]
    [InlineData(30, 20.0, 0.0085)]
    public void Erlang_B_matches_the_tables(int servers, double erlangs, double expected) =>
        Assert.Equal(expected, Erlang.B(servers, erlangs), 4);

    [Theory]
    [InlineData(4, 3.0, 0.5094)]
    [InlineData(1, 0.5, 0.5)]
    [InlineData(10, 8.0, 0.4092)]
    public void Erlang_C_matches_the_tables(int servers, double erlangs, double expected) =>
        Assert.Equal(expected, Erlang.C(servers, erlangs), 4);

    private static Arbitrary<(int Servers, double Erlangs)> Systems() =>
        Gen.Choose(1, 120).SelectMany(n => Gen.Choose(1, 20_000).Select(a => (n, a / 100.0))).ToArbitrary();

    [Property]
    public Property Erlang_B_is_a_probability_falling_with_servers_and_rising_with_traffic() =>
        Prop.ForAll(Systems(), s =>
        {
            var b = Erlang.B(s.Servers, s.Erlangs);
            return b is >= 0 and <= 1
                && Erlang.B(s.Servers + 1, s.Erlangs) <= b
                && Erlang.B(s.Servers, s.Erlangs * 1.1) >= b
                && Math.Abs(b - s.Erlangs * Erlang.B(s.Servers - 1, s.Erlangs) / (s.Servers + s.Erlangs * Erlang.B(s.Servers - 1, s.Erlangs))) < 1e-12;
        });

    [Property]
    public Property Erlang_C_is_a_probability_at_least_Erlang_B_and_one_when_overloaded() =>
        Prop.ForAll(Systems(), s =>
        {
            var c = Erlang.C(s.Servers, s.Erlangs);
            var b = Erlang.B(s.Servers, s.Erlangs);
            return c is >= 0 and <= 1 + 1e-12 && c >= b - 1e-12 && (s.Erlangs < s.Servers || c == 1.0)
                && (s.Erlangs >= s.Servers || Math.Abs(Erlang.MeanWaitSeconds(s.Servers, s.Erlangs, 60) - c * 60 / (s.Servers - s.Erlangs)) < 1e-9);
        });

    [Property]
    public Property The_confidence_interval_narrows_with_more_seeds_and_holds_the_mean() =>
        Prop.ForAll(Gen.Choose(2, 40).ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (count, offset) =>
        {
            var values = Enumerable.Range(0, count).Select(i => offset + (i * 37 % 11)).Select(v => (double)v).ToList();
            var stats = SeedStatistics.Of(values);
            var twice = SeedStatistics.Of(values.Concat(values).ToList());
            return stats.Contains(stats.Mean) && (stats.HalfWidth95 == 0 || twice.HalfWidth95 < stats.HalfWidth95);
        });

    [Fact]
    public void The_simulated_loss_and_delay_systems_agree_with_Erlang_B_and_C()
    {
        // Shortened versions of scenarios/load/erlang-b.yaml and erlang-c.yaml: 4 seeds each, run two at a time.
        var b = LoadProfile.Read(Path.Combine(TestRepository.Root, "scenarios/load/erlang-b.yaml")).With(duration: TimeSpan.FromHours(2));
        var c = LoadProfile.Read(Path.Combine(TestRepository.Root, "scenarios/load/erlang-c.yaml")).With(duration: TimeSpan.FromHours(4));
        ulong[] seeds = [1, 2, 3, 4];
        var jobs = LoadSweep.Jobs(b, [b.Channels], [b.ChannelRatio], seeds, Shard.All).Concat(LoadSweep.Jobs(c, [c.Channels], [c.ChannelRatio], seeds, Shard.All)).ToList();

        var outcomes = LoadSweep.Run(jobs, TestRepository.Root, 2, _ => { });

        Assert.All(outcomes, o => Assert.True(o.Passed, o.Failure));
        var lossCell = CellSummary.Of(outcomes.Where(o => o.Job.Profile.Name == "erlang-b").Select(o => o.Row!).ToList(), LoadValidation.ErlangB);
        var delayCell = CellSummary.Of(outcomes.Where(o => o.Job.Profile.Name == "erlang-c").Select(o => o.Row!).ToList(), LoadValidation.ErlangC);
        Assert.Equal(15, lossCell.Processing);
        Assert.Equal(1.0, lossCell.AnalyticPct!.Value, 1);
        Assert.True(lossCell.Blocked.Mean > 0, "no call was blocked");
        Assert.True(lossCell.AgreesWithTheory, $"blocked {lossCell.Blocked.Mean:0.###} % ± {lossCell.Blocked.HalfWidth95:0.###}, Erlang B {lossCell.AnalyticPct:0.###} %");
        Assert.Equal(50.94, delayCell.AnalyticPct!.Value, 1);
        Assert.True(delayCell.AgreesWithTheory, $"P(wait) {delayCell.PWait.Mean:0.###} % ± {delayCell.PWait.HalfWidth95:0.###}, Erlang C {delayCell.AnalyticPct:0.###} %");
        Assert.Equal(0, delayCell.Blocked.Mean);
    }
}
