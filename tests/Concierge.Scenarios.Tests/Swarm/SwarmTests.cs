using Concierge.Scenarios.Cli;
using Concierge.Scenarios.Swarm;
using Concierge.Scenarios.Tests.Support;

namespace Concierge.Scenarios.Tests.Swarm;

/// <summary>The swarm: a seed decides its whole case, replays bit for bit, and the seeds that found bugs stay clean.</summary>
public sealed class SwarmTests
{
    private static readonly IReadOnlyList<string> Topologies = SwarmCommand.Topologies(TestRepository.Root);

    [Fact]
    public void The_standard_topologies_with_worlds_are_swarmed()
    {
        Assert.Contains("osv-example", Topologies);
        Assert.Contains("osv-standby", Topologies);
        Assert.Contains("os4000-example", Topologies);
        Assert.Contains("osv-oscc", Topologies);
        Assert.DoesNotContain("osbiz-unifyphone", Topologies); // no world with a CPS and a desk there
    }

    [Fact]
    public void A_seed_decides_topology_load_and_faults_within_their_ranges()
    {
        for (ulong seed = 1; seed <= 200; seed++)
        {
            var @case = SwarmCase.For(seed, Topologies);
            Assert.Equal(@case, SwarmCase.For(seed, Topologies));
            Assert.Contains(@case.Topology, Topologies);
            Assert.InRange(@case.Faults.EveryLink.LossPercent, 0, 30);
            Assert.InRange(@case.Faults.EveryLink.DuplicatePercent, 0, 5);
            Assert.InRange(@case.FaultEvents, 1, 6);
            Assert.InRange(@case.Duration, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15));
        }
        Assert.True(Enumerable.Range(1, 200).Select(s => SwarmCase.For((ulong)s, Topologies).Topology).Distinct().Count() == Topologies.Count);
    }

    // The OpenScape Voice worlds the standard set was when seeds 5 and 7 were found (a seed's case depends on the set).
    private static readonly IReadOnlyList<string> OsvWorlds = ["osv-example", "osv-geo", "osv-standby", "osv-two-tenants", "osv-unifyphone"];

    // Seed 5: the OSV cleared calls while the CPS link was cut (BYEs lost) — the CPS now audits its dialogs.
    // Seed 7: a call connected while the CSTA link was down, the snapshot answer came late — the resync is asked again.
    [Theory]
    [InlineData(5UL)]
    [InlineData(7UL)]
    public void Seeds_that_found_bugs_pass_and_replay(ulong seed) => PassesAndReplays(seed, OsvWorlds);

    // Seed 55 over all ten worlds (osv-standby): the OSV cleared two queued calls of the main CPS during a cut, then
    // dropped its registration and never probed it again — the CPS now probes its dialogs when a keep-alive peer falls silent.
    [Fact]
    public void Seed_55_over_every_world_passes_and_replays() => PassesAndReplays(55, Topologies);

    private static void PassesAndReplays(ulong seed, IReadOnlyList<string> topologies)
    {
        var (first, report) = SwarmCommand.RunOne(seed, topologies, TestRepository.Root);
        var (again, _) = SwarmCommand.RunOne(seed, topologies, TestRepository.Root);

        Assert.True(first.Passed, report);
        Assert.Equal(first.Hash, again.Hash);
        Assert.True(first.Calls > 10);
    }

    [Fact]
    public void Swarm_rows_read_back_as_written()
    {
        var folder = Directory.CreateTempSubdirectory("concierge-swarm-").FullName;
        try
        {
            var rows = new[]
            {
                new SwarmRow(3, "osv-geo", "loss 1 %, latency 2 ± 1 ms", 2, "00ff", 40, 100, false, "no call is lost: x, y"),
                new SwarmRow(1, "osv-example", "loss 0 %", 1, "abcd", 12, 80, true, ""),
            };
            var path = Path.Combine(folder, "s.csv");
            File.WriteAllText(path, SwarmCsv.Format(rows));
            var read = SwarmCsv.Read(path);
            Assert.Equal([1UL, 3UL], read.Select(r => r.Seed));
            Assert.Equal(rows[1], read[0]);
            Assert.Equal("no call is lost: x; y", read[1].Failure);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
