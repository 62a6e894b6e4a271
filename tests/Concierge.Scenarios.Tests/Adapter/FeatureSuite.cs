using Concierge.Scenarios.StepLanguage;
using Concierge.Scenarios.Features;
using Concierge.Scenarios.Running;
using Concierge.Scenarios.Systems;
using Concierge.Scenarios.Tests.Support;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Tests.Adapter;

/// <summary>The feature suites of the repository, parsed once, and a runner for one scenario by id.</summary>
public static class FeatureSuite
{
    private static readonly Lazy<(IReadOnlyList<ScenarioCase> cases, IReadOnlyList<string> errors)> Parsed = new(Parse);
    private static readonly Lazy<ScenarioRunner> Runner = new(() =>
        new ScenarioRunner(StepCatalog.FromAssembly(typeof(ScenarioWorld).Assembly), new ScenarioEnvironment(TestRepository.Root, null, ScenarioSystemCatalog.Standard)));

    /// <summary>Every scenario run of features/.</summary>
    public static IReadOnlyList<ScenarioCase> Cases => Parsed.Value.cases;

    /// <summary>Feature files that do not parse.</summary>
    public static IReadOnlyList<string> Errors => Parsed.Value.errors;

    /// <summary>Runs the scenario <paramref name="id"/> with the default seed.</summary>
    public static ScenarioResult Run(string id)
    {
        var scenario = Cases.FirstOrDefault(c => c.Id == id) ?? throw new InvalidOperationException($"no scenario {id}");
        return Runner.Value.Run(scenario, RunOptions.DefaultSeed);
    }

    private static (IReadOnlyList<ScenarioCase>, IReadOnlyList<string>) Parse()
    {
        var cases = new List<ScenarioCase>();
        var errors = new List<string>();
        var folder = Path.Combine(TestRepository.Root, "features");
        if (!Directory.Exists(folder)) return (cases, errors);
        foreach (var file in Directory.EnumerateFiles(folder, "*.feature", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            try
            {
                cases.AddRange(FeatureParser.Parse(Path.GetRelativePath(TestRepository.Root, file).Replace('\\', '/'), File.ReadAllText(file)).Cases);
            }
            catch (FeatureParseException e)
            {
                errors.Add(e.Message);
            }
        }
        return (cases, errors);
    }
}
