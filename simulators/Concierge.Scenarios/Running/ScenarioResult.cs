using Concierge.Scenarios.Features;

namespace Concierge.Scenarios.Running;

/// <summary>The result of running one scenario case with one seed.</summary>
public sealed record ScenarioResult(
    ScenarioCase Case,
    ulong Seed,
    string Hash,
    ScenarioStatus Status,
    IReadOnlyList<StepOutcome> Steps,
    ScenarioFailure? Failure,
    string? PendingReason,
    IReadOnlyList<string> TraceTail,
    TimeSpan VirtualTime,
    TimeSpan WallTime)
{
    /// <summary>The SIP and CSTA messages of the run and where each step began, when ladders were asked for.</summary>
    public Reports.Ladders.LadderRecording? Ladder { get; init; }
}
