using System.CommandLine;
using System.Globalization;
using Concierge.Config.Durations;
using Concierge.Scenarios.Explore;
using Concierge.Scenarios.Load;
using Concierge.Scenarios.Swarm;
using Concierge.Scenarios.Systems;
using Concierge.Scenarios.Topologies;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Cli;

/// <summary>
/// `concierge-sim swarm --seeds N [--seed s] [--shard i/n] [--csv file] [--parallel n]`: per seed a random standard
/// topology, load and fault profile (see <see cref="SwarmCase"/>), then the exploration's invariants after the world
/// drains. One line per seed, a failing seed prints the command that replays it, and a final `N passed, N failed`.
/// </summary>
public static class SwarmCommand
{
    /// <summary>Builds the subcommand.</summary>
    public static Command Build(TextWriter output, string workingDirectory)
    {
        var seeds = new Option<int>("--seeds") { Description = "Run seeds 1..N.", DefaultValueFactory = _ => 10 };
        var seed = new Option<ulong?>("--seed") { Description = "Run (replay) this one seed." };
        var shard = new Option<string?>("--shard") { Description = "Run only the i-th of n slices of the seeds (i/n, 1-based)." };
        var csv = new Option<string?>("--csv") { Description = "Write one row per seed to this CSV file (merge combines shards)." };
        var junit = new Option<string?>("--junit") { Description = "Write one JUnit test case per seed to this file." };
        var trace = new Option<string?>("--trace") { Description = "With --seed: write every trace line of the seed to this file." };
        var only = new Option<string?>("--topologies") { Description = "Draw from these topologies (comma-separated) instead of the standard swarm set." };
        var parallel = new Option<int>("--parallel") { Description = "Seeds run at once (default: the number of cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("swarm", "Random topology, load and faults per seed; invariants after quiescence; no call may be lost.") { seeds, seed, shard, csv, parallel, trace, junit, only };
        command.SetAction(parse =>
        {
            if (RepositoryRoot.FindOrReport(workingDirectory, output) is not { } root) return RunCommand.UsageError;
            Shard slice;
            try
            {
                slice = Shard.Parse(parse.GetValue(shard));
                if (parse.GetValue(seeds) is < 1 or > ExploreCommand.MaxSeeds) throw new FormatException($"--seeds: \"{parse.GetValue(seeds)}\" is not from 1 to {ExploreCommand.MaxSeeds}");
            }
            catch (FormatException e)
            {
                output.WriteLine("error: " + e.Message);
                return RunCommand.UsageError;
            }
            var topologies = parse.GetValue(only) is { } named ? named.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : Topologies(root);
            if (topologies.FirstOrDefault(t => !File.Exists(Path.Combine(root, TopologyCatalog.Folder, t + ".yaml"))) is { } unknown)
            {
                output.WriteLine($"error: --topologies: \"{unknown}\" is not a topology in {TopologyCatalog.Folder}");
                return RunCommand.UsageError;
            }
            var chosen = (parse.GetValue(seed) is { } one ? [one] : Enumerable.Range(1, parse.GetValue(seeds)).Select(s => (ulong)s)).Where(slice.Holds).ToList();
            output.WriteLine($"swarm: {chosen.Count} seeds over {string.Join(", ", topologies)}{(slice.Count > 1 ? $" (shard {slice})" : "")}");
            using var traceWriter = parse.GetValue(trace) is { } tracePath && chosen.Count == 1 ? new StreamWriter(Path.GetFullPath(tracePath, workingDirectory)) : null;
            var rows = new SwarmRow[chosen.Count];
            var cases = new Reports.SeedCase[chosen.Count];
            var gate = new object();
            Parallel.For(0, chosen.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parse.GetValue(parallel)) }, i =>
            {
                var started = TimeProvider.System.GetTimestamp();
                var (row, report) = RunOne(chosen[i], topologies, root, traceWriter, parse.GetValue(only) is null ? "" : " --topologies " + string.Join(',', topologies));
                rows[i] = row;
                cases[i] = new Reports.SeedCase($"seed={row.Seed}", row.Passed ? null : row.Failure, row.Passed ? "" : report,
                    TimeProvider.System.GetElapsedTime(started).TotalSeconds, report.Split(Environment.NewLine)[0]);
                lock (gate)
                {
                    output.WriteLine(report);
                    output.Flush();
                }
            });
            if (parse.GetValue(csv) is { } path)
            {
                var full = Path.GetFullPath(path, workingDirectory);
                if (Path.GetDirectoryName(full) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
                File.WriteAllText(full, SwarmCsv.Format(rows));
                output.WriteLine("wrote " + full);
            }
            if (parse.GetValue(junit) is { } junitPath)
            {
                Reports.SeedJUnit.Write(Path.GetFullPath(junitPath, workingDirectory), "swarm", cases);
                output.WriteLine("wrote " + Path.GetFullPath(junitPath, workingDirectory));
            }
            var failed = rows.Count(r => !r.Passed);
            output.WriteLine($"{rows.Length - failed} passed, {failed} failed");
            return failed == 0 ? 0 : 1;
        });
        return command;
    }

    /// <summary>
    /// The standard topologies a swarm can explore: every world in the catalog (OpenScape Voice, with and without
    /// OSCC, standby and tenants, and OpenScape 4000) that has callers, an attendant desk and a CPS.
    /// </summary>
    public static IReadOnlyList<string> Topologies(string root) =>
        Directory.EnumerateFiles(Path.Combine(root, TopologyCatalog.Folder), "*.yaml").Select(Path.GetFileNameWithoutExtension).OfType<string>()
            .Order(StringComparer.Ordinal)
            .Where(name =>
            {
                try
                {
                    return ExploreRun.MissingCapability(new ExploreOptions(TimeSpan.FromMinutes(1), name), root) is null;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    return false;
                }
            }).ToList();

    /// <summary>Runs one seed; the text is its line (and, when it fails, what broke and the replay command).</summary>
    public static (SwarmRow Row, string Report) RunOne(ulong seed, IReadOnlyList<string> topologies, string root, TextWriter? fullTrace = null, string replayOptions = "")
    {
        var @case = SwarmCase.For(seed, topologies);
        var result = ExploreRun.Execute(@case.Options, root, seed, fullTrace, chaos: chaos => SwarmFaults.Schedule(chaos, @case.FaultEvents));
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{(result.Passed ? "PASS" : "FAIL")} swarm seed={seed} topology={@case.Topology} faults=[{@case.Faults.Description}, {@case.FaultEvents} fault events] hash={result.TraceHash} calls={result.Calls} actions={result.Actions}");
        var report = line;
        if (!result.Passed)
            report += Environment.NewLine + string.Join(Environment.NewLine, result.Violations.Select(v => "  violation: " + v)
                .Concat(result.LastActions.TakeLast(10).Select(a => "  action: " + a))
                .Append($"  replay: ./run-sim.sh swarm --seed {seed}{replayOptions}"));
        var row = new SwarmRow(seed, @case.Topology, @case.Faults.Description, @case.FaultEvents, result.TraceHash, result.Calls, result.Actions, result.Passed,
            result.Passed ? "" : result.Violations.FirstOrDefault()?.Split(Environment.NewLine)[0] ?? "");
        return (row, report);
    }
}
