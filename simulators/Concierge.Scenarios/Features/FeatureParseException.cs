namespace Concierge.Scenarios.Features;

/// <summary>A feature file that is not valid Gherkin, with the file and line of each problem.</summary>
public sealed class FeatureParseException(string path, string message) : Exception($"{path}: {message}")
{
    /// <summary>The feature file that failed to parse.</summary>
    public string FeaturePath { get; } = path;
}
