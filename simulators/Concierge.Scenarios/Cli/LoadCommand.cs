using System.CommandLine;
using System.Globalization;
using Concierge.Config.Durations;
using Concierge.Scenarios.Load;
using Concierge.Scenarios.World;
using Spectre.Console;

namespace Concierge.Scenarios.Cli;

/// <summary>
/// `concierge-sim load &lt;profile.yaml&gt; [--seed s | --seeds N] [--channels 10,30,60] [--ratio 1..5] [--duration d]
/// [--csv file] [--html file] [--shard i/n] [--parallel n]`: runs a load profile, or a sweep of channel counts and ratios,
/// on the virtual clock, seeds in parallel; prints a line per seed, a table per (channels, ratio) and, for the Erlang
/// profiles, the analytic value beside the simulated one.
/// </summary>
public static class LoadCommand
{
    /// <summary>Builds the subcommand; <paramref name="interactive"/> shows a progress bar (on a terminal).</summary>
    public static Command Build(TextWriter output, string workingDirectory, bool interactive = false)
    {
        var file = new Argument<string>("profile") { Description = "A load profile, e.g. scenarios/load/reference.yaml." };
        var seed = new Option<ulong?>("--seed") { Description = "Run (replay) this one seed." };
        var seeds = new Option<int?>("--seeds") { Description = "Run seeds 1..N (default: the profile's seeds)." };
        var channels = new Option<string?>("--channels") { Description = "Channel counts to sweep, e.g. 10,30,60 (default: the profile's)." };
        var ratio = new Option<string?>("--ratio") { Description = "Channel ratios to sweep, e.g. 1..5 (default: the profile's)." };
        var duration = new Option<string?>("--duration") { Description = "Virtual time per seed instead of the profile's duration." };
        var csv = new Option<string?>("--csv") { Description = "Write the summary and per-seed rows to this CSV file." };
        var html = new Option<string?>("--html") { Description = "Write an HTML report with SVG charts to this file." };
        var shard = new Option<string?>("--shard") { Description = "Run only the i-th of n slices of the seeds (i/n, 1-based)." };
        var junit = new Option<string?>("--junit") { Description = "Write one JUnit test case per seed to this file." };
        var parallel = new Option<int>("--parallel") { Description = "Seeds run at once (default: the number of cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("load", "Run a load profile or a sweep of channels and ratios (callers, channels, attendants) on the virtual clock.")
            { file, seed, seeds, channels, ratio, duration, csv, html, shard, parallel, junit };
        command.SetAction(parse =>
        {
            var path = Path.GetFullPath(parse.GetValue(file)!, workingDirectory);
            if (!File.Exists(path))
            {
                output.WriteLine($"error: no load profile at {path}");
                return RunCommand.UsageError;
            }
            if (RepositoryRoot.FindOrReport(workingDirectory, output) is not { } root) return RunCommand.UsageError;
            LoadProfile profile;
            IReadOnlyList<SweepJob> jobs;
            try
            {
                profile = LoadProfile.Read(path);
                if (parse.GetValue(duration) is { } d)
                    profile = profile.With(duration: DurationText.TryParse(d, out var span) && span > TimeSpan.Zero ? span : throw new FormatException($"--duration: \"{d}\" is not a positive duration"));
                var channelList = parse.GetValue(channels) is { } c ? NumberList.Parse("--channels", c, 3, 250) : [profile.Channels];
                var ratioList = parse.GetValue(ratio) is { } r ? NumberList.Parse("--ratio", r, 1, 5) : [profile.ChannelRatio];
                var count = parse.GetValue(seeds) ?? profile.Seeds;
                if (count is < 1 or > ExploreCommand.MaxSeeds) throw new FormatException($"--seeds: \"{count}\" is not from 1 to {ExploreCommand.MaxSeeds}");
                IReadOnlyList<ulong> seedList = parse.GetValue(seed) is { } one ? [one] : Enumerable.Range(1, count).Select(s => (ulong)s).ToList();
                jobs = LoadSweep.Jobs(profile, channelList, ratioList, seedList, Shard.Parse(parse.GetValue(shard)));
            }
            catch (FormatException e)
            {
                output.WriteLine("error: " + e.Message);
                return RunCommand.UsageError;
            }
            return Run(profile, jobs, root, parse, output, interactive, parse.GetValue(parallel), Out(parse.GetValue(csv)), Out(parse.GetValue(html)), Out(parse.GetValue(junit)));
        });
        return command;

        string? Out(string? p) => p is null ? null : Path.GetFullPath(p, workingDirectory);
    }

    private static int Run(LoadProfile profile, IReadOnlyList<SweepJob> jobs, string root, ParseResult parse, TextWriter output, bool interactive, int parallel,
        string? csvPath, string? htmlPath, string? junitPath)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"load {profile.Name}: {LoadHtml.Describe(profile)}; {jobs.Count} runs on {Math.Min(parallel, Math.Max(1, jobs.Count))} threads"));
        output.Flush();
        var gcBefore = GcFigures.Now();
        var started = TimeProvider.System.GetTimestamp();
        IReadOnlyList<SweepOutcome> outcomes;
        if (interactive && jobs.Count > 1)
        {
            outcomes = [];
            AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask($"{profile.Name}: {jobs.Count} runs", maxValue: jobs.Count);
                    outcomes = LoadSweep.Run(jobs, root, parallel, _ => task.Increment(1));
                });
            foreach (var o in outcomes) output.WriteLine(Line(o));
        }
        else
        {
            var done = 0;
            outcomes = LoadSweep.Run(jobs, root, parallel, o =>
            {
                done++;
                output.WriteLine(string.Create(c, $"[{done}/{jobs.Count}] {Line(o)}"));
                output.Flush();
            });
        }
        var wall = TimeProvider.System.GetElapsedTime(started);
        var gc = GcFigures.Now() - gcBefore;
        foreach (var failed in outcomes.Where(o => !o.Passed))
        {
            output.WriteLine($"FAIL load {profile.Name} channels={failed.Job.Profile.Channels} ratio={failed.Job.Profile.ChannelRatio} seed={failed.Job.Seed}: {failed.Failure}");
            output.WriteLine($"  replay: ./run-sim.sh load {parse.GetValue<string>("profile")} --seed {failed.Job.Seed} --channels {failed.Job.Profile.Channels} --ratio {failed.Job.Profile.ChannelRatio} --duration \"{DurationText.Format(failed.Job.Profile.Duration)}\"");
        }
        if (jobs.Count == 1 && outcomes[0].Result is { } single) Legacy(output, single);
        var rows = outcomes.Where(o => o.Row is not null).Select(o => o.Row!).ToList();
        var cells = LoadCsv.Cells(rows, profile.Validation);
        LoadTable.Write(output, cells);
        var disagree = 0;
        foreach (var cell in cells.Where(x => x.AnalyticModel is not null))
        {
            var simulated = cell.Validated!.Value;
            var agrees = cell.AgreesWithTheory;
            if (!agrees) disagree++;
            output.WriteLine(string.Create(c, $"{cell.AnalyticModel} channels={cell.Channels} ratio={cell.Ratio}: simulated {(cell.AnalyticModel == "erlang-b" ? "blocked" : "P(wait)")} {simulated.Mean:0.###} % ± {simulated.HalfWidth95:0.###} (95 %, {simulated.Count} seeds), analytic {cell.AnalyticPct:0.###} % ({(cell.AnalyticModel == "erlang-b" ? $"B({cell.Processing}, {cell.OfferedErlangs:0.###})" : $"C({cell.Attendants}, {cell.OfferedErlangs:0.###})")}): {(agrees ? "within the interval" : simulated.Count < 2 ? "one seed gives no interval" : "OUTSIDE the interval")}"));
        }
        output.WriteLine(string.Create(c, $"wall {wall.TotalSeconds:0.0} s; gc: {gc.AllocatedBytes / (1024.0 * 1024.0):0} MB allocated, collections gen0 {gc.Gen0} gen1 {gc.Gen1} gen2 {gc.Gen2}, paused {gc.Paused.TotalSeconds:0.00} s"));
        if (csvPath is not null) Write(csvPath, LoadCsv.Format(rows, profile.Validation), output);
        if (htmlPath is not null) Write(htmlPath, LoadHtml.Format(profile, cells, profile.Validation), output);
        if (junitPath is not null)
        {
            Reports.SeedJUnit.Write(junitPath, "load " + profile.Name, outcomes.Select(o => new Reports.SeedCase(
                $"channels={o.Job.Profile.Channels} ratio={o.Job.Profile.ChannelRatio} seed={o.Job.Seed}", o.Passed ? null : o.Failure?.Split(Environment.NewLine)[0] ?? "failed",
                o.Failure ?? "", o.Row?.WallSeconds ?? 0, Line(o))));
            output.WriteLine("wrote " + junitPath);
        }
        var failedCount = outcomes.Count(o => !o.Passed);
        output.WriteLine($"{outcomes.Count - failedCount} passed, {failedCount} failed");
        return failedCount == 0 && disagree == 0 ? 0 : 1;
    }

    private static string Line(SweepOutcome o) =>
        o.Row is { } r
            ? string.Create(CultureInfo.InvariantCulture, $"{(o.Passed ? "PASS" : "FAIL")} load channels={r.Channels} ratio={r.Ratio} seed={r.Seed} hash={r.Hash} calls={r.Calls} blocked={r.BlockedPct:0.##}% asa={r.AsaSeconds:0.#}s wall={r.WallSeconds:0.0}s")
            : $"FAIL load channels={o.Job.Profile.Channels} ratio={o.Job.Profile.ChannelRatio} seed={o.Job.Seed}: {o.Failure?.Split(Environment.NewLine)[0]}";

    // The lines of the first load command (one profile, one seed), kept for those who read them.
    private static void Legacy(TextWriter output, LoadResult result)
    {
        var c = CultureInfo.InvariantCulture;
        var profile = result.Profile;
        output.WriteLine(string.Create(c, $"load {profile.Name}: {profile.Channels} channels, ratio {profile.ChannelRatio}, {profile.Attendants.PeakCount} attendants, {profile.CallsPerHour:0} calls/h for {profile.Duration.TotalHours:0.##} h, seed={result.Seed} hash={result.TraceHash}"));
        output.WriteLine(string.Create(c, $"calls placed {result.CallsPlaced}; {string.Join(", ", result.Dispositions.OrderBy(d => d.Key).Select(d => $"{d.Key} {d.Value}"))}; in progress {result.StillInProgress}"));
        output.WriteLine(string.Create(c, $"max processing channels in use {result.MaxProcessingChannelsInUse}, on average {result.Measures.MeanProcessingInUse:0.###}"));
        output.WriteLine(string.Create(c, $"virtual {result.VirtualTime.TotalHours:0.00} h in {result.WallTime.TotalSeconds:0.00} s wall: {result.SpeedUp:0}x real time"));
        foreach (var violation in result.Violations) output.WriteLine("invariant broken: " + violation);
        if (result.StillInProgress > 0) output.WriteLine(string.Create(c, $"{result.StillInProgress} calls have no disposition after the drain: lost"));
    }

    private static void Write(string path, string text, TextWriter output)
    {
        if (Path.GetDirectoryName(path) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        File.WriteAllText(path, text);
        output.WriteLine("wrote " + path);
    }
}
