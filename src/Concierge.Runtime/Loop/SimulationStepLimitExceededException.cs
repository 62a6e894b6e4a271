namespace Concierge.Runtime.Loop;

/// <summary>Thrown when a simulated loop runs more steps than allowed: a runaway loop, not a slow one.</summary>
public sealed class SimulationStepLimitExceededException(long stepLimit, DateTimeOffset virtualNow)
    : Exception($"simulated loop exceeded its step limit of {stepLimit} steps at virtual time {virtualNow:O}; a component keeps scheduling work without end")
{
    /// <summary>The limit that was exceeded.</summary>
    public long StepLimit { get; } = stepLimit;
}
