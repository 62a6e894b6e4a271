using Concierge.Config.Durations;
using System.CommandLine;
using Concierge.Scenarios.Explore;
using Concierge.Scenarios.Faults;
using Concierge.Scenarios.Values;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Cli;

/// <summary>
/// `concierge-sim explore [--seeds n | --seed s] [--duration 20 minutes] [--topology osv-example] [--faults lossy] [--trace file]`:
/// random actions on the simulated world per seed; every seed must keep the invariants and lose no call.
/// </summary>
public static class ExploreCommand
{
    /// <summary>Most seeds one run explores.</summary>
    public const int MaxSeeds = 100_000;

    /// <summary>Builds the subcommand.</summary>
    public static Command Build(TextWriter output, string workingDirectory)
    {
        var seeds = new Option<int>("--seeds") { Description = "Explore seeds 1..N.", DefaultValueFactory = _ => 1 };
        var seed = new Option<ulong?>("--seed") { Description = "Explore (replay) this one seed." };
        var duration = new Option<string>("--duration") { Description = "Virtual time of random actions per seed (default 20 minutes).", DefaultValueFactory = _ => "20 minutes" };
        var topology = new Option<string>("--topology") { Description = "Topology in scenarios/topologies/.", DefaultValueFactory = _ => ScenarioWorld.DefaultTopology };
        var faults = new Option<string?>("--faults") { Description = "Fault profile in scenarios/faults/ (e.g. lossy) applied to every link." };
        var trace = new Option<string?>("--trace") { Description = "Write every trace line to this file." };
        var shard = new Option<string?>("--shard") { Description = "Explore only the i-th of n slices of the seeds (i/n, 1-based)." };
        var junit = new Option<string?>("--junit") { Description = "Write one JUnit test case per seed to this file." };
        var command = new Command("explore", "Random actions on the simulated world, seed by seed; invariants checked, no call may be lost.")
            { seeds, seed, duration, topology, faults, trace, shard, junit };
        command.SetAction(parse =>
        {
            if (RepositoryRoot.FindOrReport(workingDirectory, output) is not { } root) return RunCommand.UsageError;
            ExploreOptions options;
            Load.Shard slice;
            try
            {
                slice = Load.Shard.Parse(parse.GetValue(shard));
                if (!DurationText.TryParse(parse.GetValue(duration)!, out var time) || time <= TimeSpan.Zero)
                    throw new FormatException($"--duration: \"{parse.GetValue(duration)}\" is not a positive duration");
                var count = parse.GetValue(seeds);
                if (count is < 1 or > MaxSeeds) throw new FormatException($"--seeds must be between 1 and {MaxSeeds}");
                var profile = parse.GetValue(faults) is { } name
                    ? FaultProfileLoader.Load(root, File.Exists(Path.Combine(workingDirectory, name)) ? Path.GetFullPath(name, workingDirectory) : name)
                    : null;
                options = new ExploreOptions(time, parse.GetValue(topology)!, profile);
                if (!File.Exists(Topologies.TopologyCatalog.PathOf(root, options.Topology))) throw new FormatException($"--topology: no topology {options.Topology}");
                if (ExploreRun.MissingCapability(options, root) is { } missing) throw new FormatException($"--topology: {options.Topology} cannot be explored: {missing}");
            }
            catch (Exception e) when (e is FormatException or FileNotFoundException or YamlDotNet.Core.YamlException)
            {
                output.WriteLine("error: " + e.Message);
                return RunCommand.UsageError;
            }
            var chosen = (parse.GetValue(seed) is { } one ? [one] : Enumerable.Range(1, parse.GetValue(seeds)).Select(s => (ulong)s)).Where(slice.Holds).ToArray();
            using var traceWriter = parse.GetValue(trace) is { } tracePath ? OpenWriter(Path.GetFullPath(tracePath, workingDirectory)) : null;
            var failed = 0;
            var cases = new List<Reports.SeedCase>();
            foreach (var s in chosen)
            {
                var started = TimeProvider.System.GetTimestamp();
                var result = ExploreRun.Execute(options, root, s, traceWriter);
                output.WriteLine(result.Verdict);
                var replay = $"./run-sim.sh explore --seed {s} --duration \"{parse.GetValue(duration)}\" --topology {options.Topology}{(options.Faults is { } fp ? " --faults " + fp.Name : "")}";
                cases.Add(new Reports.SeedCase($"seed={s}", result.Passed ? null : result.Violations[0].Split(Environment.NewLine)[0],
                    result.Passed ? "" : string.Join(Environment.NewLine, result.Violations.Append("replay: " + replay)), TimeProvider.System.GetElapsedTime(started).TotalSeconds, result.Verdict));
                if (result.Passed) continue;
                failed++;
                foreach (var violation in result.Violations) output.WriteLine("  violation: " + violation);
                output.WriteLine("  last actions:");
                foreach (var line in result.LastActions) output.WriteLine("    " + line);
                output.WriteLine("  last trace lines:");
                foreach (var line in result.LastTraceLines) output.WriteLine("    " + line);
                output.WriteLine($"  replay: ./run-sim.sh explore --seed {s} --duration \"{parse.GetValue(duration)}\" --topology {options.Topology}{(options.Faults is { } f ? " --faults " + f.Name : "")}");
                output.Flush();
            }
            if (parse.GetValue(junit) is { } junitPath)
            {
                Reports.SeedJUnit.Write(Path.GetFullPath(junitPath, workingDirectory), $"explore {options.Topology}{(options.Faults is { } jf ? " " + jf.Name : "")}", cases);
                output.WriteLine("wrote " + Path.GetFullPath(junitPath, workingDirectory));
            }
            output.WriteLine($"explore: {chosen.Length - failed} passed, {failed} failed of {chosen.Length} seeds ({options.Topology}, {DurationText.Format(options.Duration)}{(options.Faults is { } p ? ", faults " + p.Name : "")})");
            return failed == 0 ? 0 : 1;
        });
        return command;
    }

    private static StreamWriter OpenWriter(string path)
    {
        if (Path.GetDirectoryName(path) is { } folder) Directory.CreateDirectory(folder);
        return new StreamWriter(path, append: false) { AutoFlush = false };
    }
}
