namespace Concierge.Scenarios.Features;

/// <summary>A parsed feature file: its name, tags and the scenario runs it expands to.</summary>
public sealed record FeatureFile(string Path, string Name, IReadOnlyList<string> Tags, IReadOnlyList<ScenarioCase> Cases)
{
    /// <summary>The file as Cucumber Messages (source, Gherkin document, pickles), for the messages and HTML reports.</summary>
    public FeatureMessages? Messages { get; init; }
}
