namespace Concierge.Scenarios.Running;

/// <summary>The results of a suite run, plus feature files that could not be parsed.</summary>
public sealed record SuiteResult(IReadOnlyList<ScenarioResult> Results, IReadOnlyList<string> FeatureErrors, int FeatureCount, TimeSpan WallTime)
{
    /// <summary>The parsed feature files (their Cucumber messages feed the messages and HTML reports).</summary>
    public IReadOnlyList<Features.FeatureFile> Features { get; init; } = [];

    /// <summary>Runs that passed.</summary>
    public int Passed => Results.Count(r => r.Status == ScenarioStatus.Passed);

    /// <summary>Runs that failed, plus unparsable feature files.</summary>
    public int Failed => Results.Count(r => r.Status == ScenarioStatus.Failed) + FeatureErrors.Count;

    /// <summary>Pending runs (skipped).</summary>
    public int Skipped => Results.Count(r => r.Status == ScenarioStatus.Pending);

    /// <summary>Virtual time simulated over all runs.</summary>
    public TimeSpan VirtualTime => Results.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.VirtualTime);

    /// <summary>The last line of the console output: `N passed, N failed, N skipped`.</summary>
    public string SummaryLine => $"{Passed} passed, {Failed} failed, {Skipped} skipped";

    /// <summary>The process exit code: 0 when nothing failed, 1 otherwise.</summary>
    public int ExitCode => Failed > 0 ? 1 : 0;
}
