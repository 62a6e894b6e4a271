namespace Concierge.Scenarios.Running;

/// <summary>What happened to one step.</summary>
public enum StepStatus
{
    /// <summary>Ran and held.</summary>
    Passed,
    /// <summary>Ran and failed, or could not be bound.</summary>
    Failed,
    /// <summary>Needs a capability that does not exist yet.</summary>
    Pending,
    /// <summary>Not run because an earlier step failed or was pending.</summary>
    Skipped,
}
