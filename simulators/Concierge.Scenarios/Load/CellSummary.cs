namespace Concierge.Scenarios.Load;

/// <summary>The seeds of one (channels, ratio) cell summarised: means with 95 % intervals, sums, the analytic value.</summary>
public sealed record CellSummary(
    int Channels,
    int Ratio,
    int Processing,
    int Operational,
    int Attendants,
    int Seeds,
    int Calls,
    int Answered,
    double OfferedErlangs,
    SeedStatistics Blocked,
    int RefusedOperational,
    SeedStatistics Asa,
    SeedStatistics ServiceLevel,
    SeedStatistics PWait,
    SeedStatistics Abandoned,
    int MaxConcurrent,
    double SimHours,
    double WallSeconds,
    double AllocKb,
    string? AnalyticModel,
    double? AnalyticPct,
    int Unsound)
{
    /// <summary>Virtual time per wall time, summed over the seeds (the speed of one core).</summary>
    public double SpeedUp => WallSeconds > 0 ? SimHours * 3600 / WallSeconds : 0;

    /// <summary>Wall microseconds per answered call.</summary>
    public double MicrosecondsPerCall => Answered > 0 ? WallSeconds * 1e6 / Answered : 0;

    /// <summary>Kilobytes allocated per answered call.</summary>
    public double AllocKbPerCall => Answered > 0 ? AllocKb / Answered : 0;

    /// <summary>The simulated measure the analytic value is compared with (blocking for Erlang B, waiting for Erlang C).</summary>
    public SeedStatistics? Validated => AnalyticModel switch
    {
        "erlang-b" => Blocked,
        "erlang-c" => PWait,
        _ => null,
    };

    /// <summary>True when there is no analytic value, or it lies in the simulated 95 % interval.</summary>
    public bool AgreesWithTheory => AnalyticPct is not { } analytic || Validated is not { } simulated || simulated.Contains(analytic);

    /// <summary>Summarises the rows of one cell (sorted by seed, so any order of shards gives the same figures).</summary>
    public static CellSummary Of(IReadOnlyList<SeedRow> rows, LoadValidation validation)
    {
        var sorted = rows.OrderBy(r => r.Seed).ToList();
        var first = sorted[0];
        SeedStatistics Stat(Func<SeedRow, double> pick) => SeedStatistics.Of(sorted.Select(pick).ToList());
        var offered = first.OfferedErlangs;
        var (model, analytic) = validation switch
        {
            LoadValidation.ErlangB => ("erlang-b", (double?)(100 * Erlang.B(first.Processing, offered))),
            LoadValidation.ErlangC => ("erlang-c", (double?)(100 * Erlang.C(Math.Max(1, first.Attendants), offered))),
            _ => ((string?)null, (double?)null),
        };
        return new CellSummary(first.Channels, first.Ratio, first.Processing, first.Operational, first.Attendants, sorted.Count,
            sorted.Sum(r => r.Calls), sorted.Sum(r => r.Answered), offered, Stat(r => r.BlockedPct), sorted.Sum(r => r.RefusedOperational),
            Stat(r => r.AsaSeconds), Stat(r => r.ServiceLevelPct), Stat(r => r.PWaitPct), Stat(r => r.AbandonedPct), sorted.Max(r => r.MaxConcurrent),
            sorted.Sum(r => r.SimHours), sorted.Sum(r => r.WallSeconds), sorted.Sum(r => r.AllocKb), model, analytic, sorted.Count(r => !r.Sound));
    }
}
