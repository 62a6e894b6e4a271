using Concierge.Scenarios.Channels;

namespace Concierge.Scenarios.Load;

/// <summary>One run of a sweep: a profile variant (channels, ratio) and a seed.</summary>
public sealed record SweepJob(LoadProfile Profile, ulong Seed);

/// <summary>What one sweep run produced: its row, or the failure that ended it.</summary>
public sealed record SweepOutcome(SweepJob Job, SeedRow? Row, LoadResult? Result, string? Failure)
{
    /// <summary>True when the run ended, accounted for every call and kept the invariants.</summary>
    public bool Passed => Failure is null && Result is { Sound: true };
}

/// <summary>
/// Runs the (channels × ratio × seed) grid of a profile: seeds in parallel over the cores, each seed's world on one
/// thread from start to end (so it stays deterministic), progress reported as runs finish.
/// </summary>
public static class LoadSweep
{
    /// <summary>The jobs for <paramref name="channels"/> × <paramref name="ratios"/> × the seeds of <paramref name="shard"/>.</summary>
    public static IReadOnlyList<SweepJob> Jobs(LoadProfile profile, IReadOnlyList<int> channels, IReadOnlyList<int> ratios, IReadOnlyList<ulong> seeds, Shard shard) =>
        (from c in channels from r in ratios from s in seeds where shard.Holds(s) select new SweepJob(profile.With(channels: c, ratio: r), s)).ToList();

    /// <summary>Runs <paramref name="jobs"/> on up to <paramref name="parallelism"/> threads; <paramref name="finished"/> hears each outcome.</summary>
    public static IReadOnlyList<SweepOutcome> Run(IReadOnlyList<SweepJob> jobs, string repositoryRoot, int parallelism, Action<SweepOutcome> finished)
    {
        var outcomes = new SweepOutcome[jobs.Count];
        var gate = new object();
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, i =>
        {
            var outcome = RunOne(jobs[i], repositoryRoot);
            outcomes[i] = outcome;
            lock (gate) finished(outcome);
        });
        return outcomes;
    }

    /// <summary>Runs one job; an exception that escapes is the run's failure (with the seed that replays it).</summary>
    public static SweepOutcome RunOne(SweepJob job, string repositoryRoot)
    {
        try
        {
            var result = LoadRun.Execute(job.Profile, repositoryRoot, job.Seed, TimeProvider.System);
            var split = ChannelFormula.Split(new ChannelSettings(job.Profile.Channels, job.Profile.ChannelRatio));
            var failure = result.Sound ? null
                : string.Join("; ", result.Violations.Take(3).Append(result.StillInProgress > 0 ? $"{result.StillInProgress} calls have no disposition after the drain: lost" : "").Where(s => s.Length > 0));
            return new SweepOutcome(job, SeedRow.Of(result, split.Processing, split.Operational), result, failure);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new SweepOutcome(job, null, null, $"{e.GetType().Name}: {e.Message}{Environment.NewLine}{e.StackTrace}");
        }
    }
}
