namespace Concierge.Scenarios.StepLanguage;

/// <summary>
/// The outcome of looking up a step: bound (the text Reqnroll runs, without a leading `within &lt;d&gt;`, and that window),
/// undefined or ambiguous.
/// </summary>
public sealed record StepMatch(StepBinding? Binding, string Text, TimeSpan? Within, string? Problem)
{
    /// <summary>True when exactly one binding matched.</summary>
    public bool IsBound => Binding is not null && Problem is null;
}
