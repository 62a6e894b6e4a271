namespace Concierge.Scenarios.World;

/// <summary>Thrown by an assertion that does not hold; carries what was observed instead.</summary>
public sealed class StepFailedException(string observed, string? detail = null)
    : Exception(detail is null ? $"observed: {observed}" : $"{detail} — observed: {observed}")
{
    /// <summary>What the world showed instead of the expected state.</summary>
    public string Observed { get; } = observed;
}
