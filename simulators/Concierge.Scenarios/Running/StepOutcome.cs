using Concierge.Scenarios.Features;

namespace Concierge.Scenarios.Running;

/// <summary>One step of a run, its number (1-based, Background included), status and message.</summary>
public sealed record StepOutcome(int Number, ScenarioStep Step, StepStatus Status, string? Message)
{
    /// <summary>Virtual time when the step began (null when it did not run).</summary>
    public TimeSpan? Started { get; init; }

    /// <summary>Virtual time when the step ended (null when it did not run).</summary>
    public TimeSpan? Finished { get; init; }
}
