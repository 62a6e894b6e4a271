namespace Concierge.Scenarios.Running;

/// <summary>The outcome of one scenario run.</summary>
public enum ScenarioStatus
{
    /// <summary>Every step and the invariants held.</summary>
    Passed,
    /// <summary>A step, a hook or an invariant failed.</summary>
    Failed,
    /// <summary>A step needs a capability that does not exist yet; counted as skipped, never as passed.</summary>
    Pending,
}
