using System.CommandLine;
using System.Globalization;
using Concierge.Scenarios.Load;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Cli;

/// <summary>`concierge-sim load &lt;profile.yaml&gt; [--seed n]`: runs a load profile on the virtual clock and reports what it measured.</summary>
public static class LoadCommand
{
    /// <summary>Builds the subcommand.</summary>
    public static Command Build(TextWriter output, string workingDirectory)
    {
        var file = new Argument<string>("profile") { Description = "A load profile, e.g. scenarios/load/standard-day.yaml." };
        var seed = new Option<ulong>("--seed") { Description = "The seed of the run.", DefaultValueFactory = _ => 1 };
        var command = new Command("load", "Run a load profile (callers, channels, attendants) on the virtual clock.") { file, seed };
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
            try
            {
                profile = LoadProfile.Read(path);
            }
            catch (FormatException e)
            {
                output.WriteLine("error: " + e.Message);
                return RunCommand.UsageError;
            }
            var gcBefore = GcFigures.Now();
            LoadResult result;
            try
            {
                result = LoadRun.Execute(profile, root, parse.GetValue(seed), TimeProvider.System);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A broken invariant or a handler bug ends the run: said with the seed that replays it.
                output.WriteLine($"FAIL load {profile.Name} seed={parse.GetValue(seed)}: {e.GetType().Name}: {e.Message}");
                output.WriteLine(e.StackTrace);
                return 1;
            }
            var gc = GcFigures.Now() - gcBefore;
            var c = CultureInfo.InvariantCulture;
            output.WriteLine(string.Create(c, $"load {profile.Name}: {profile.Channels} channels, ratio {profile.ChannelRatio}, {profile.Attendants.Count} attendants, {profile.CallsPerHour:0} calls/h for {profile.Duration.TotalHours:0.##} h, seed={result.Seed} hash={result.TraceHash}"));
            output.WriteLine(string.Create(c, $"calls placed {result.CallsPlaced}; {string.Join(", ", result.Dispositions.OrderBy(d => d.Key).Select(d => $"{d.Key} {d.Value}"))}; in progress {result.StillInProgress}"));
            output.WriteLine(string.Create(c, $"max processing channels in use {result.MaxProcessingChannelsInUse}"));
            output.WriteLine(string.Create(c, $"virtual {result.VirtualTime.TotalHours:0.00} h in {result.WallTime.TotalSeconds:0.00} s wall: {result.SpeedUp:0}x real time"));
            output.WriteLine(string.Create(c, $"gc: {gc.AllocatedBytes / (1024.0 * 1024.0):0} MB allocated, collections gen0 {gc.Gen0} gen1 {gc.Gen1} gen2 {gc.Gen2}, paused {gc.Paused.TotalSeconds:0.00} s"));
            foreach (var violation in result.Violations) output.WriteLine("invariant broken: " + violation);
            if (result.StillInProgress > 0) output.WriteLine(string.Create(c, $"{result.StillInProgress} calls have no disposition 5 minutes after the last arrival: lost"));
            return result.Sound ? 0 : 1;
        });
        return command;
    }
}
