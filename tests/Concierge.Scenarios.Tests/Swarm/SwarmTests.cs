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
        Assert.DoesNotContain("os4000-example", Topologies);
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

    // Seed 5: the OSV cleared calls while the CPS link was cut (BYEs lost) — the CPS now audits its dialogs.
    // Seed 7: a call connected while the CSTA link was down, the snapshot answer came late — the resync is asked again.
    [Theory]
    [InlineData(5UL)]
    [InlineData(7UL)]
    public void Seeds_that_found_bugs_pass_and_replay(ulong seed)
    {
        var (first, report) = SwarmCommand.RunOne(seed, Topologies, TestRepository.Root);
        var (again, _) = SwarmCommand.RunOne(seed, Topologies, TestRepository.Root);

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
