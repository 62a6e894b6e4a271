using System.Reflection;
using Concierge.Scenarios.Binding;
using Concierge.Scenarios.Features;
using Concierge.Scenarios.Values;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Running;

/// <summary>
/// Runs one scenario case in a fresh world: binds every step first (undefined or ambiguous steps fail the run before
/// anything executes), runs before hooks, the steps, the world invariants and the after hooks.
/// </summary>
public sealed class ScenarioRunner(StepCatalog catalog, ScenarioEnvironment environment)
{
    /// <summary>The step bindings used.</summary>
    public StepCatalog Catalog { get; } = catalog;

    /// <summary>The reason a `@pending-needs-…` tag gives ("needs osv endpoint keep-alive"), or null.</summary>
    public static string? PendingTag(IReadOnlyList<string> tags) =>
        tags.FirstOrDefault(t => t.StartsWith("@pending-", StringComparison.Ordinal)) is { } tag
            ? tag["@pending-".Length..].Replace('-', ' ')
            : null;

    /// <summary>Runs <paramref name="scenario"/> with <paramref name="seed"/>.</summary>
    public ScenarioResult Run(ScenarioCase scenario, ulong seed, TimeProvider? wallClock = null)
    {
        var wallStart = (wallClock ?? TimeProvider.System).GetTimestamp();
        var world = new ScenarioWorld(seed, environment);
        world.Trace.Record("scenario", scenario.Id);
        var matches = scenario.Steps.Select(Catalog.Match).ToArray();
        var outcomes = new List<StepOutcome>();
        ScenarioFailure? failure = null;
        string? pending = null;

        var unbound = Array.FindIndex(matches, m => !m.IsBound);
        if (unbound >= 0)
        {
            for (var i = 0; i < matches.Length; i++)
                outcomes.Add(new StepOutcome(i + 1, scenario.Steps[i], matches[i].IsBound ? StepStatus.Skipped : StepStatus.Failed, matches[i].Problem));
            failure = new ScenarioFailure(unbound + 1, scenario.Steps[unbound].Display, matches[unbound].Problem!);
            return Finish(scenario, world, outcomes, failure, null, wallClock, wallStart);
        }

        // Every argument is converted before anything runs, so a bad value fails the scenario even when it is pending.
        var arguments = new object?[matches.Length][];
        for (var i = 0; i < matches.Length; i++)
        {
            try
            {
                arguments[i] = matches[i].Binding!.Arguments(matches[i].Captured, scenario.Steps[i].Table);
            }
            catch (FormatException e)
            {
                failure = new ScenarioFailure(i + 1, scenario.Steps[i].Display, "invalid step: " + e.Message);
                for (var k = 0; k < matches.Length; k++)
                    outcomes.Add(new StepOutcome(k + 1, scenario.Steps[k], k == i ? StepStatus.Failed : StepStatus.Skipped, k == i ? failure.Message : null));
                return Finish(scenario, world, outcomes, failure, null, wallClock, wallStart);
            }
        }

        // A scenario tagged @pending-<what-it-needs> states a known gap: it is reported PENDING with that reason and
        // never counted as passed; its steps are still bound and checked against the topology.
        if (PendingTag(scenario.Tags) is { } declared)
        {
            pending = declared;
            world.Trace.Record("scenario", "pending: " + declared);
        }

        var instances = new Dictionary<Type, object>();
        foreach (var hook in Catalog.Hooks.Where(h => h.IsBefore && h.Tags.Matches(scenario.Tags)))
        {
            if (Invoke(hook.Method, [], world, instances) is { } problem)
            {
                failure = new ScenarioFailure(0, $"before-scenario hook {hook.Method.DeclaringType?.Name}.{hook.Method.Name}", problem.message);
                break;
            }
        }

        for (var i = 0; i < scenario.Steps.Count; i++)
        {
            var step = scenario.Steps[i];
            if (failure is not null)
            {
                outcomes.Add(new StepOutcome(i + 1, step, StepStatus.Skipped, null));
                continue;
            }
            if (pending is not null)
            {
                // Not run, but its devices must still exist in the topology: a typo should not hide behind a pending step.
                if (UnknownDevice(arguments[i], world) is { } unknown)
                {
                    failure = new ScenarioFailure(i + 1, step.Display, "invalid step: " + unknown);
                    outcomes.Add(new StepOutcome(i + 1, step, StepStatus.Failed, failure.Message));
                }
                else
                {
                    outcomes.Add(new StepOutcome(i + 1, step, StepStatus.Skipped, null));
                }
                continue;
            }
            world.Trace.Record("step", step.Display);
            world.Within = matches[i].Within;
            var problem = Invoke(matches[i].Binding!.Method, arguments[i], world, instances);
            world.Within = null;
            if (problem is null)
            {
                outcomes.Add(new StepOutcome(i + 1, step, StepStatus.Passed, null));
            }
            else if (problem.Value.pending)
            {
                pending = problem.Value.message;
                world.Trace.Record("step", "pending: " + pending);
                outcomes.Add(new StepOutcome(i + 1, step, StepStatus.Pending, pending));
            }
            else
            {
                failure = new ScenarioFailure(i + 1, step.Display, problem.Value.message);
                world.Trace.Record("step", "failed: " + problem.Value.message);
                outcomes.Add(new StepOutcome(i + 1, step, StepStatus.Failed, problem.Value.message));
            }
        }
        if (failure is not null) pending = null;

        if (failure is null && pending is null)
        {
            try
            {
                var broken = world.BrokenInvariants();
                if (broken.Count > 0) failure = new ScenarioFailure(0, "after the last step: world invariants", "observed: " + string.Join("; ", broken));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failure = new ScenarioFailure(0, "after the last step: world invariants", $"error: {e.GetType().Name}: {e.Message}");
            }
        }

        foreach (var hook in Catalog.Hooks.Where(h => !h.IsBefore && h.Tags.Matches(scenario.Tags)))
        {
            if (Invoke(hook.Method, [], world, instances) is { } problem && failure is null)
                failure = new ScenarioFailure(0, $"after-scenario hook {hook.Method.DeclaringType?.Name}.{hook.Method.Name}", problem.message);
        }
        return Finish(scenario, world, outcomes, failure, pending, wallClock, wallStart);
    }

    private ScenarioResult Finish(ScenarioCase scenario, ScenarioWorld world, List<StepOutcome> outcomes, ScenarioFailure? failure, string? pending,
        TimeProvider? wallClock, long wallStart)
    {
        var status = failure is not null ? ScenarioStatus.Failed : pending is not null ? ScenarioStatus.Pending : ScenarioStatus.Passed;
        world.Trace.Record("scenario", status.ToString().ToUpperInvariant());
        var wall = (wallClock ?? TimeProvider.System).GetElapsedTime(wallStart);
        return new ScenarioResult(scenario, world.Seed, world.Trace.HashHex(), status, outcomes, failure, pending, world.Trace.RecentLines(), world.Elapsed, wall);
    }

    private static string? UnknownDevice(object?[] arguments, ScenarioWorld world)
    {
        if (world.Topology is null) return null;
        foreach (var argument in arguments)
        {
            var devices = argument switch
            {
                DeviceRef one => [one],
                IEnumerable<DeviceRef> many => many,
                _ => [],
            };
            foreach (var device in devices)
            {
                try
                {
                    world.Topology.Resolve(device);
                }
                catch (FormatException e)
                {
                    return e.Message;
                }
            }
        }
        return null;
    }

    private static (bool pending, string message)? Invoke(MethodInfo method, object?[] arguments, ScenarioWorld world, Dictionary<Type, object> instances)
    {
        try
        {
            var type = method.DeclaringType!;
            if (!instances.TryGetValue(type, out var instance))
            {
                instance = type.GetConstructor([typeof(ScenarioWorld)]) is { } withWorld
                    ? withWorld.Invoke([world])
                    : Activator.CreateInstance(type)!;
                instances[type] = instance;
            }
            method.Invoke(instance, arguments);
            return null;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            return Describe(e.InnerException);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Describe(e);
        }
    }

    private static (bool pending, string message) Describe(Exception e) => e switch
    {
        TargetInvocationException { InnerException: { } inner } => Describe(inner),
        PendingStepException pending => (true, pending.Reason),
        StepFailedException failed => (false, failed.Message),
        FormatException or InvalidOperationException or ArgumentException or FileNotFoundException => (false, "error: " + e.Message),
        _ => (false, $"error: {e.GetType().Name}: {e.Message}"),
    };
}
