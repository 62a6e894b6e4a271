using System.Collections.Specialized;
using System.Globalization;
using System.Reflection;
using Concierge.Scenarios.Features;
using Reqnroll;
using Reqnroll.Bindings;

namespace Concierge.Scenarios.StepLanguage;

/// <summary>
/// Reqnroll's test run for one binding assembly, driven by our runner instead of a test framework: started once per
/// process (telemetry and Reqnroll's report formatters off, its start-up trace kept out of our output), with one
/// <see cref="FeatureInfo"/> per feature file. Scenarios run one at a time (<see cref="Gate"/>).
/// </summary>
public sealed class ReqnrollSession
{
    private static readonly Dictionary<Assembly, ReqnrollSession> Sessions = [];
    private static readonly Lock SessionsGate = new();
    private readonly Dictionary<string, FeatureInfo> _features = new(StringComparer.Ordinal);

    private ReqnrollSession(Assembly assembly, IReadOnlyList<IStepDefinitionBinding> definitions)
    {
        Assembly = assembly;
        StepDefinitions = definitions;
    }

    /// <summary>The assembly whose session is starting (the plugin reads it while Reqnroll configures that run).</summary>
    internal static Assembly? Starting { get; private set; }

    /// <summary>True once any session has started (binding assemblies can no longer be added).</summary>
    public static bool Started { get; private set; }

    /// <summary>The binding ("test") assembly Reqnroll runs.</summary>
    public Assembly Assembly { get; }

    /// <summary>Every step definition Reqnroll found, in its order.</summary>
    public IReadOnlyList<IStepDefinitionBinding> StepDefinitions { get; }

    /// <summary>Held while a scenario runs: Reqnroll's runner and our worlds are single-threaded.</summary>
    public Lock Gate { get; } = new();

    /// <summary>The session of <paramref name="assembly"/>, started on first use; invalid bindings fail with every problem named.</summary>
    public static ReqnrollSession For(Assembly assembly)
    {
        lock (SessionsGate)
        {
            if (Sessions.TryGetValue(assembly, out var existing)) return existing;
            var session = Start(assembly);
            Sessions[assembly] = session;
            return session;
        }
    }

    private static ReqnrollSession Start(Assembly assembly)
    {
        // No telemetry (it would also store a user id under ~/.config/Reqnroll) and none of Reqnroll's own report files.
        Environment.SetEnvironmentVariable("REQNROLL_TELEMETRY_ENABLED", "0");
        Environment.SetEnvironmentVariable("REQNROLL_FORMATTERS_DISABLED", "true");
        Started = true;
        Starting = assembly;
        var (output, error) = (Console.Out, Console.Error);
        Console.SetOut(TextWriter.Null);
        Console.SetError(TextWriter.Null);
        try
        {
            return WithoutContext(async () =>
            {
                await TestRunnerManager.OnTestRunStartAsync(assembly);
                var probe = new FeatureInfo(CultureInfo.InvariantCulture, "", "binding discovery", null, []);
                var runner = TestRunnerManager.GetTestRunnerForAssembly(assembly, featureHint: probe);
                try
                {
                    var registry = runner.TestThreadContext.TestThreadContainer.Resolve<IBindingRegistry>();
                    var problems = registry.GetErrorMessages().Select(e => e.Message)
                        .Concat(registry.GetStepDefinitions().Where(d => !d.IsValid).Select(d => $"{d.Method.Type.Name}.{d.Method.Name}: '{d.SourceExpression}': {d.ErrorMessage}"))
                        .ToArray();
                    if (problems.Length > 0) throw new InvalidOperationException("invalid step bindings: " + string.Join("; ", problems));
                    return new ReqnrollSession(assembly, registry.GetStepDefinitions().ToArray());
                }
                finally
                {
                    TestRunnerManager.ReleaseTestRunner(runner);
                }
            });
        }
        finally
        {
            Console.SetOut(output);
            Console.SetError(error);
            Starting = null;
        }
    }

    /// <summary>Reqnroll's feature description of <paramref name="scenario"/>'s file.</summary>
    public FeatureInfo FeatureOf(ScenarioCase scenario)
    {
        if (_features.TryGetValue(scenario.FeaturePath, out var info)) return info;
        var folder = Path.GetDirectoryName(scenario.FeaturePath)?.Replace('\\', '/') ?? "";
        info = new FeatureInfo(CultureInfo.InvariantCulture, folder, scenario.FeatureName, null, []);
        _features[scenario.FeaturePath] = info;
        return info;
    }

    /// <summary>A runner positioned on <paramref name="feature"/> (the previous feature ended), to be given back with <see cref="Release"/>.</summary>
    public async Task<ITestRunner> RunnerForAsync(FeatureInfo feature)
    {
        var runner = TestRunnerManager.GetTestRunnerForAssembly(Assembly, featureHint: feature);
        if (runner.FeatureContext is not null && !ReferenceEquals(runner.FeatureContext.FeatureInfo, feature)) await runner.OnFeatureEndAsync();
        if (runner.FeatureContext is null) await runner.OnFeatureStartAsync(feature);
        return runner;
    }

    /// <summary>Gives a runner back to Reqnroll's pool.</summary>
    public static void Release(ITestRunner runner) => TestRunnerManager.ReleaseTestRunner(runner);

    /// <summary>Reqnroll's description of a scenario: its title and its tags without `@`.</summary>
    public static ScenarioInfo ScenarioInfoOf(ScenarioCase scenario)
    {
        var tags = scenario.Tags.Select(t => t.TrimStart('@')).ToArray();
        return new ScenarioInfo(scenario.Name, null, tags, new OrderedDictionary(), tags);
    }

    /// <summary>Runs <paramref name="work"/> to completion on this thread with no synchronization context (so no test framework's context can deadlock it).</summary>
    public static T WithoutContext<T>(Func<Task<T>> work)
    {
        var saved = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            return work().GetAwaiter().GetResult();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(saved);
        }
    }
}
