using Io.Cucumber.Messages.Types;

namespace Concierge.Scenarios.Features;

/// <summary>A feature file as Cucumber Messages see it: the source, the Gherkin document and its pickles (one per scenario run).</summary>
public sealed record FeatureMessages(Source Source, GherkinDocument Document, IReadOnlyList<Pickle> Pickles);
