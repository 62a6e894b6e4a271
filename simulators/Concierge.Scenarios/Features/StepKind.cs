namespace Concierge.Scenarios.Features;

/// <summary>What a step does, taken from its keyword (`And`/`But` inherit the kind of the step before).</summary>
public enum StepKind
{
    /// <summary>Setup: `Given`.</summary>
    Given,

    /// <summary>Action: `When`.</summary>
    When,

    /// <summary>Assertion: `Then`.</summary>
    Then,
}
