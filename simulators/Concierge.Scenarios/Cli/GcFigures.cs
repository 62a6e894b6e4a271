namespace Concierge.Scenarios.Cli;

/// <summary>The garbage collector's counters at one moment; the difference of two shows what a run cost in memory.</summary>
internal readonly record struct GcFigures(long AllocatedBytes, int Gen0, int Gen1, int Gen2, TimeSpan Paused)
{
    /// <summary>The counters now.</summary>
    public static GcFigures Now() => new(
        GC.GetTotalAllocatedBytes(precise: false),
        GC.CollectionCount(0),
        GC.CollectionCount(1),
        GC.CollectionCount(2),
        GC.GetTotalPauseDuration());

    /// <summary>What happened between <paramref name="before"/> and <paramref name="after"/>.</summary>
    public static GcFigures operator -(GcFigures after, GcFigures before) => new(
        after.AllocatedBytes - before.AllocatedBytes,
        after.Gen0 - before.Gen0,
        after.Gen1 - before.Gen1,
        after.Gen2 - before.Gen2,
        after.Paused - before.Paused);
}
