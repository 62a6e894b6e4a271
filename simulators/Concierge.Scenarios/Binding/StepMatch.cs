namespace Concierge.Scenarios.Binding;

/// <summary>The outcome of looking up a step: bound (with arguments and an optional `within` window), undefined or ambiguous.</summary>
public sealed record StepMatch(StepBinding? Binding, IReadOnlyList<string> Captured, TimeSpan? Within, string? Problem)
{
    /// <summary>True when exactly one binding matched.</summary>
    public bool IsBound => Binding is not null && Problem is null;
}
