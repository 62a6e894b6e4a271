namespace Concierge.Scenarios.Features;

/// <summary>One runnable scenario: a Scenario, or one Examples row of a Scenario Outline, with the Background prepended.</summary>
/// <param name="FeaturePath">Feature file path relative to the repository root, with forward slashes.</param>
/// <param name="FeatureName">The Feature's title.</param>
/// <param name="Name">The scenario's name (outline rows carry their values).</param>
/// <param name="Tags">Feature, scenario and Examples tags, each with its `@`.</param>
/// <param name="Steps">Background steps followed by the scenario's steps.</param>
/// <param name="Line">The line of the scenario (or of the Examples row).</param>
public sealed record ScenarioCase(string FeaturePath, string FeatureName, string Name, IReadOnlyList<string> Tags, IReadOnlyList<ScenarioStep> Steps, int Line)
{
    /// <summary>The identity used in reports and test names: `features/x.feature :: Name`.</summary>
    public string Id => FeaturePath + " :: " + Name;

    /// <summary>The id of the Cucumber pickle of this run (null for cases built in code).</summary>
    public string? PickleId { get; init; }
}
