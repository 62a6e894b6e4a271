using Concierge.Scenarios.Load;
using Concierge.Scenarios.Tests.Support;

namespace Concierge.Scenarios.Tests.Load;

/// <summary>Load profiles: a bad profile names the field and value; a run accounts for every call and replays from its seed.</summary>
public sealed class LoadRunTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("concierge-load-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Profile(string duration = "15 minutes", string callsPerHour = "900", string channels = "30", string topology = "osv-example", string pilot = "3201")
    {
        var path = Path.Combine(_folder, "profile.yaml");
        File.WriteAllText(path, $"""
            name: short-day
            topology: {topology}
            channels: {channels}
            channelRatio: 3
            attendants: ["7580", "7581"]
            pilot: "{pilot}"
            callsPerHour: {callsPerHour}
            talkTime: 10 s
            duration: {duration}
            """);
        return path;
    }

    [Fact]
    public void A_run_gives_every_call_a_disposition_keeps_the_invariants_and_replays_from_its_seed()
    {
        var profile = LoadProfile.Read(Profile());

        var first = LoadRun.Execute(profile, TestRepository.Root, seed: 4, TimeProvider.System);
        var again = LoadRun.Execute(profile, TestRepository.Root, seed: 4, TimeProvider.System);
        var other = LoadRun.Execute(profile, TestRepository.Root, seed: 5, TimeProvider.System);

        Assert.True(first.CallsPlaced > 100, $"only {first.CallsPlaced} calls placed");
        Assert.True(first.Sound, string.Join("; ", first.Violations));
        Assert.Equal(first.CallsPlaced, first.Dispositions.Values.Sum());
        Assert.True(first.Dispositions.GetValueOrDefault("answered") > first.CallsPlaced / 2);
        Assert.InRange(first.MaxProcessingChannelsInUse, 1, 21);
        Assert.Equal(first.TraceHash, again.TraceHash);
        Assert.Equal(first.CallsPlaced, again.CallsPlaced);
        Assert.NotEqual(first.TraceHash, other.TraceHash);
    }

    /// <summary>
    /// The OpenScape 4000 world (LCR to the CPS trunk) and the OSCC world, where pilot calls reach the attendants as
    /// OSCC agents at their phones and never the CPS: every call still ends with a disposition.
    /// </summary>
    [Theory]
    [InlineData("os4000-example", "9000", 2)]
    [InlineData("osv-oscc", "3201", 0)]
    public void Other_pbx_worlds_run_a_load_day(string topology, string pilot, int minProcessingChannels)
    {
        var result = LoadRun.Execute(LoadProfile.Read(Profile("10 minutes", "600", topology: topology, pilot: pilot)), TestRepository.Root, seed: 2, TimeProvider.System);
        Assert.True(result.CallsPlaced > 60, $"only {result.CallsPlaced} calls placed");
        Assert.True(result.Sound, string.Join("; ", result.Violations));
        Assert.Equal(result.CallsPlaced, result.Dispositions.Values.Sum());
        Assert.True(result.Dispositions.GetValueOrDefault("answered") > result.CallsPlaced / 2, string.Join(", ", result.Dispositions));
        Assert.True(result.MaxProcessingChannelsInUse >= minProcessingChannels, $"{result.MaxProcessingChannelsInUse} processing channels used");
    }

    [Fact]
    public void A_pilot_the_topology_does_not_have_names_the_field()
    {
        var profile = LoadProfile.Read(Profile(topology: "os4000-example", pilot: "3201"));
        var error = Assert.Throws<FormatException>(() => LoadRun.Execute(profile, TestRepository.Root, seed: 1, TimeProvider.System));
        Assert.StartsWith("profile short-day: mix: \"3201\" is not an alias", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0 minutes", "900", "30", "duration: \"0 minutes\" is not a positive duration")]
    [InlineData("15 minutes", "lots", "30", "callsPerHour: \"lots\" is not a rate")]
    [InlineData("15 minutes", "900", "-4", "channels: \"-4\" is not a whole number")]
    public void A_bad_profile_names_the_field_and_the_value(string duration, string callsPerHour, string channels, string expected)
    {
        var error = Assert.Throws<FormatException>(() => LoadProfile.Read(Profile(duration, callsPerHour, channels)));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("profile.yaml", error.Message, StringComparison.Ordinal);
    }
}
