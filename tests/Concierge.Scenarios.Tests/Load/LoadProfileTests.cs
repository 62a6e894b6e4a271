using Concierge.Scenarios.Load;
using Concierge.Scenarios.Tests.Support;

namespace Concierge.Scenarios.Tests.Load;

/// <summary>The full profile format: every shipped profile reads, bad fields are named with their values, a rich day runs soundly.</summary>
public sealed class LoadProfileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("concierge-profile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string yaml)
    {
        var path = Path.Combine(_folder, "p.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private const string Rich = """
        name: rich
        topology: osv-example
        channels: 16
        channelRatio: 2
        duration: 20 minutes
        arrivals: { perHourOfDay: [300, 900], startHour: 0 }
        mix:
          - { pilot: "3201", share: 80 }
          - { personalLine: "7580", share: 20 }
        attendants:
          devices: ["7580", "7581", "7582"]
          schedule: [{ from: 0 s, count: 2 }, { from: 10 minutes, count: 3 }]
          handling: { distribution: lognormal, mean: 25 s, sigma: 0.6 }
        operations:
          park: { share: 10, duration: { distribution: exponential, mean: 20 s } }
          hold: { share: 10, duration: 15 s }
          transfer: { share: 15 }
          page: { share: 5 }
          targets: ["7001", "7002", "7003"]
        patience: { distribution: exponential, mean: 90 s }
        officeUsers: { answerPercent: 70, busyPercent: 10, answerAfter: { distribution: exponential, mean: 6 s }, talk: 30 s, callbackAfter: 10 s }
        callers: { names: bogus, locale: de }
        """;

    [Theory]
    [InlineData("standard-day")]
    [InlineData("reference")]
    [InlineData("erlang-b")]
    [InlineData("erlang-c")]
    [InlineData("busy-day")]
    public void The_shipped_profiles_read(string name)
    {
        var profile = LoadProfile.Read(Path.Combine(TestRepository.Root, "scenarios/load", name + ".yaml"));
        Assert.Equal(name, profile.Name);
        Assert.True(profile.CallsPerHour > 0);
    }

    [Theory]
    [InlineData("channelRatio: 2", "channelRatio: 9", "channelRatio: \"9\" is not a whole number from 1 to 5")]
    [InlineData("distribution: lognormal", "distribution: gamma", "attendants.handling.distribution: \"gamma\" is not constant")]
    [InlineData("share: 80 }", "share: lots }", "mix[0].share: \"lots\" is not a share")]
    [InlineData("count: 3 }", "count: 7 }", "attendants.schedule[1].count: \"7\" is not a whole number from 0 to 3")]
    [InlineData("transfer: { share: 15 }", "transfer: { share: 95 }", "operations.park: \"120\" plus hold, transfer and page shares are more than 100 percent")]
    [InlineData("mean: 90 s", "mean: soon", "patience.mean: \"soon\" is not a positive duration")]
    [InlineData("names: bogus", "names: famous", "callers.names: \"famous\" is not numbered or bogus")]
    [InlineData("startHour: 0", "startHour: 0, rate: 4", "arrivals.rate is not a field here")]
    public void A_bad_field_is_named_with_its_value(string good, string bad, string expected)
    {
        Assert.Contains(good, Rich, StringComparison.Ordinal);
        var error = Assert.Throws<FormatException>(() => LoadProfile.Read(Write(Rich.Replace(good, bad, StringComparison.Ordinal))));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("p.yaml: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rich_day_keeps_the_invariants_accounts_for_every_call_and_replays()
    {
        var profile = LoadProfile.Read(Write(Rich));
        var first = LoadRun.Execute(profile, TestRepository.Root, seed: 3, TimeProvider.System);
        var again = LoadRun.Execute(profile, TestRepository.Root, seed: 3, TimeProvider.System);

        Assert.True(first.Sound, string.Join("; ", first.Violations) + $" in progress {first.StillInProgress}");
        Assert.Equal(first.CallsPlaced, first.Dispositions.Values.Sum());
        Assert.True(first.Measures.Operations > 0, "no attendant parked, held, transferred or paged");
        Assert.True(first.Measures.Connected > first.CallsPlaced / 2, $"{first.Measures.Connected} of {first.CallsPlaced} talked to someone");
        Assert.Equal(first.TraceHash, again.TraceHash);
    }

    [Fact]
    public void Generated_callers_are_unique_and_follow_the_seed()
    {
        var a = new CallerIdentities(true, "de", new Runtime.Randomness.DeterministicRandom(9));
        var b = new CallerIdentities(true, "de", new Runtime.Randomness.DeterministicRandom(9));
        var first = Enumerable.Range(0, 500).Select(a.Next).ToList();
        Assert.Equal(first, Enumerable.Range(0, 500).Select(b.Next).ToList());
        Assert.Equal(500, first.Select(c => c.Name).Distinct().Count());
        Assert.Equal(500, first.Select(c => c.Number).Distinct().Count());
        Assert.All(first, c => Assert.Matches(@"^\+49\d{9,11}$", c.Number));
    }
}
