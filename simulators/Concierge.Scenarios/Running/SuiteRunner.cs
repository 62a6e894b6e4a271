using Concierge.Scenarios.StepLanguage;
using Concierge.Scenarios.Features;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Running;

/// <summary>Runs every selected scenario of a set of feature files over the requested seeds, reporting each result as it completes.</summary>
public sealed class SuiteRunner(StepCatalog catalog, ScenarioEnvironment environment, TimeProvider wallClock)
{
    /// <summary>Record SIP/CSTA ladders of every run (for the messages, HTML and ladder reports).</summary>
    public bool RecordLadders { get; init; }

    /// <summary>Most seeds per scenario a run accepts.</summary>
    public const int MaxSeeds = 10_000;

    /// <summary>Loads the features under <paramref name="target"/> and runs them; unparsable files are reported as errors.</summary>
    public SuiteResult Run(string target, RunOptions options, Action<ScenarioResult>? onResult = null, Action<string>? onFeatureError = null)
    {
        var start = wallClock.GetTimestamp();
        var features = new List<FeatureFile>();
        var errors = new List<string>();
        foreach (var file in FeatureFiles(target))
        {
            try
            {
                features.Add(FeatureParser.Parse(file.relative, File.ReadAllText(file.full)));
            }
            catch (FeatureParseException e)
            {
                errors.Add(e.Message);
                onFeatureError?.Invoke(e.Message);
            }
        }
        var results = RunFeatures(features, options, onResult);
        return new SuiteResult(results, errors, features.Count + errors.Count, wallClock.GetElapsedTime(start)) { Features = features };
    }

    /// <summary>Runs already parsed features.</summary>
    public IReadOnlyList<ScenarioResult> RunFeatures(IEnumerable<FeatureFile> features, RunOptions options, Action<ScenarioResult>? onResult = null)
    {
        if (options.Seeds is < 1 or > MaxSeeds) throw new ArgumentOutOfRangeException(nameof(options), options.Seeds, $"seeds must be between 1 and {MaxSeeds}");
        var runner = new ScenarioRunner(catalog, environment) { RecordLadders = RecordLadders };
        var results = new List<ScenarioResult>();
        foreach (var feature in features)
        {
            foreach (var scenario in feature.Cases.Where(c => options.Tags.Matches(c.Tags)))
            {
                for (var k = 0; k < options.Seeds; k++)
                {
                    var result = runner.Run(scenario, unchecked(options.Seed + (ulong)k), wallClock);
                    results.Add(result);
                    onResult?.Invoke(result);
                }
            }
        }
        return results;
    }

    private IEnumerable<(string full, string relative)> FeatureFiles(string target)
    {
        var root = environment.RepositoryRoot;
        var full = Path.GetFullPath(target, root);
        IEnumerable<string> files;
        if (File.Exists(full)) files = [full];
        else if (Directory.Exists(full)) files = Directory.EnumerateFiles(full, "*.feature", SearchOption.AllDirectories);
        else throw new FileNotFoundException($"no feature file or folder at {target}", full);
        return files.Select(f => (f, Path.GetRelativePath(root, f).Replace('\\', '/'))).OrderBy(f => f.Item2, StringComparer.Ordinal).ToArray();
    }
}
