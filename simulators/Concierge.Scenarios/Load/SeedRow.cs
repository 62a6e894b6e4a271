using System.Globalization;

namespace Concierge.Scenarios.Load;

/// <summary>
/// One seed of one (channels, ratio) cell of a sweep: what it measured, in the form the CSV keeps (so shards merged
/// from their CSV files give the same summaries as one run).
/// </summary>
public sealed record SeedRow(
    int Channels,
    int Ratio,
    int Processing,
    int Operational,
    int Attendants,
    ulong Seed,
    int Calls,
    int Answered,
    double OfferedErlangs,
    double BlockedPct,
    int RefusedOperational,
    double AsaSeconds,
    double ServiceLevelPct,
    double PWaitPct,
    double AbandonedPct,
    int MaxConcurrent,
    double SimHours,
    double WallSeconds,
    double AllocKb,
    string Hash,
    bool Sound)
{
    /// <summary>The row of <paramref name="result"/> run with <paramref name="processing"/>/<paramref name="operational"/> channels.</summary>
    public static SeedRow Of(LoadResult result, int processing, int operational)
    {
        var p = result.Profile;
        var m = result.Measures;
        double Pct(int part, int whole) => whole > 0 ? 100.0 * part / whole : 0;
        return new SeedRow(p.Channels, p.ChannelRatio, processing, operational, p.Attendants.PeakCount, result.Seed, result.CallsPlaced, m.Answered,
            p.OfferedErlangs, Pct(m.Blocked, result.CallsPlaced), m.RefusedOperational, m.Connected > 0 ? m.WaitSeconds / m.Connected : 0,
            Pct(m.WithinServiceLevel, m.Connected + m.Abandoned), Pct(m.FoundAllAttendantsBusy, m.PilotArrivals), Pct(m.Abandoned, result.CallsPlaced),
            result.MaxProcessingChannelsInUse, result.VirtualTime.TotalHours, result.WallTime.TotalSeconds, m.AllocatedBytes / 1024.0, result.TraceHash, result.Sound);
    }

    /// <summary>Exact text of a number (round-trip), so a merged CSV reproduces the run's summaries bit for bit.</summary>
    public static string Exact(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
