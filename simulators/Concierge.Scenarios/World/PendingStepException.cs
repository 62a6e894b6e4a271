namespace Concierge.Scenarios.World;

/// <summary>Thrown by a step whose capability does not exist yet: the scenario is reported PENDING (skipped, never passed).</summary>
public sealed class PendingStepException(string reason) : Exception(reason)
{
    /// <summary>What is missing, e.g. `needs the CPS engine`.</summary>
    public string Reason { get; } = reason;
}
