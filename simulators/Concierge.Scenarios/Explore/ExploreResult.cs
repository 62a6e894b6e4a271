namespace Concierge.Scenarios.Explore;

/// <summary>What one explored seed did and whether the world stayed sound.</summary>
/// <param name="Seed">The seed.</param>
/// <param name="TraceHash">The hash of the world's trace: same seed and build, same hash.</param>
/// <param name="Calls">Calls the callers placed.</param>
/// <param name="Actions">Random actions taken.</param>
/// <param name="Refused">Actions the system refused (a normal answer, e.g. picking with no call queued).</param>
/// <param name="Violations">Broken invariants and lost calls; empty when the seed passes.</param>
/// <param name="LastActions">The last lines of the action log (virtual time, action, result).</param>
/// <param name="LastTraceLines">The last lines of the world's trace.</param>
public sealed record ExploreResult(
    ulong Seed,
    string TraceHash,
    int Calls,
    int Actions,
    int Refused,
    IReadOnlyList<string> Violations,
    IReadOnlyList<string> LastActions,
    IReadOnlyList<string> LastTraceLines)
{
    /// <summary>True when no invariant broke and every call has a disposition.</summary>
    public bool Passed => Violations.Count == 0;

    /// <summary>The one-line verdict: `PASS|FAIL explore seed=… hash=… calls=… actions=… refused=…`.</summary>
    public string Verdict => $"{(Passed ? "PASS" : "FAIL")} explore seed={Seed} hash={TraceHash} calls={Calls} actions={Actions} refused={Refused}";
}
