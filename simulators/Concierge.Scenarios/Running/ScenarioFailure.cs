namespace Concierge.Scenarios.Running;

/// <summary>Where and why a run failed: the step number (0 for hooks and invariants after the last step), its text and the message.</summary>
public sealed record ScenarioFailure(int StepNumber, string StepText, string Message)
{
    /// <summary>`step 5: Then … — observed: …`, the line printed under a FAIL.</summary>
    public string Describe() => StepNumber > 0 ? $"step {StepNumber}: {StepText} — {Message}" : $"{StepText} — {Message}";
}
