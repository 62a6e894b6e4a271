using Concierge.Scenarios.Cli;
using Concierge.Scenarios.Explore;
using Concierge.Scenarios.Tests.Support;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Tests.Explore;

/// <summary>The explorer: seeds keep the world sound, a seed replays bit for bit, a broken invariant fails with its seed.</summary>
public sealed class ExploreRunTests
{
    private static readonly ExploreOptions Short = new(TimeSpan.FromMinutes(4));

    [Theory]
    [InlineData(1UL)]
    [InlineData(3UL)]
    public void A_seed_acts_at_random_keeps_the_invariants_and_loses_no_call(ulong seed)
    {
        var result = ExploreRun.Execute(Short, TestRepository.Root, seed);

        Assert.True(result.Passed, string.Join(Environment.NewLine, result.Violations.Concat(result.LastActions)));
        Assert.True(result.Calls > 10, $"only {result.Calls} calls placed");
        Assert.True(result.Actions > result.Calls, $"{result.Actions} actions for {result.Calls} calls");
        Assert.InRange(result.Refused, 1, result.Actions - 1);
        Assert.StartsWith($"PASS explore seed={seed} hash={result.TraceHash} calls={result.Calls} ", result.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_seed_replays_bit_for_bit_and_another_seed_does_not()
    {
        var first = ExploreRun.Execute(Short, TestRepository.Root, 5);
        var again = ExploreRun.Execute(Short, TestRepository.Root, 5);
        var other = ExploreRun.Execute(Short, TestRepository.Root, 6);

        Assert.Equal(first.TraceHash, again.TraceHash);
        Assert.Equal(first.Actions, again.Actions);
        Assert.Equal(first.Calls, again.Calls);
        Assert.Equal(first.LastActions, again.LastActions);
        Assert.NotEqual(first.TraceHash, other.TraceHash);
    }

    [Fact]
    public void A_broken_invariant_fails_the_seed_naming_it_and_showing_the_last_actions()
    {
        var broken = new WorldInvariant("no attendant is ever available", () => "an attendant is available");

        var result = ExploreRun.Execute(Short, TestRepository.Root, 7, extraInvariants: _ => [broken]);

        Assert.False(result.Passed);
        Assert.StartsWith("FAIL explore seed=7 ", result.Verdict, StringComparison.Ordinal);
        Assert.Contains(result.Violations, v => v.Contains("no attendant is ever available: an attendant is available", StringComparison.Ordinal));
        Assert.NotEmpty(result.LastActions);
        Assert.NotEmpty(result.LastTraceLines);
    }

    [Fact]
    public void The_command_reports_each_seed_and_exits_1_when_one_fails()
    {
        using var output = new StringWriter();
        var exit = SimCommandLine.Invoke(["explore", "--seed", "3", "--duration", "2 minutes"], output, TestRepository.Root, colors: false);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(0, exit);
        Assert.StartsWith("PASS explore seed=3 hash=", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("explore: 1 passed, 0 failed of 1 seeds", lines[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--duration", "soon", "--duration: \"soon\" is not a positive duration")]
    [InlineData("--faults", "hurricane", "no fault profile 'hurricane'")]
    [InlineData("--topology", "nowhere", "--topology: no topology nowhere")]
    [InlineData("--topology", "osbiz-unifyphone", "--topology: osbiz-unifyphone cannot be explored: its simulated system has no attendant desk")]
    public void A_bad_option_is_a_usage_error_naming_it(string option, string value, string expected)
    {
        using var output = new StringWriter();
        var exit = SimCommandLine.Invoke(["explore", option, value], output, TestRepository.Root, colors: false);

        Assert.Equal(RunCommand.UsageError, exit);
        Assert.Contains(expected, output.ToString(), StringComparison.Ordinal);
    }
}
