using Concierge.Scenarios.StepLanguage;
using Concierge.Scenarios.Features;
using Concierge.Scenarios.Values;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Running;

/// <summary>
/// Runs one scenario case in a fresh world through Reqnroll's runtime: binds every step first (undefined or ambiguous
/// steps fail the run before anything executes) and converts every argument, then Reqnroll runs the before hooks and
/// the steps one by one; the world invariants are checked after the last step, before the after hooks.
/// </summary>
public sealed class ScenarioRunner(StepCatalog catalog, ScenarioEnvironment environment)
{
    /// <summary>Record every run's SIP and CSTA messages for a ladder diagram (reports); off, the run is exactly as fast as before.</summary>
    public bool RecordLadders { get; init; }

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
        var session = Catalog.Session;
        lock (session.Gate)
            return ReqnrollSession.WithoutContext(() => RunAsync(session, scenario, seed, wallClock));
    }

    private async Task<ScenarioResult> RunAsync(ReqnrollSession session, ScenarioCase scenario, ulong seed, TimeProvider? wallClock)
    {
        var wallStart = (wallClock ?? TimeProvider.System).GetTimestamp();
        var world = new ScenarioWorld(seed, environment);
        world.Trace.Record("scenario", scenario.Id);
        var ladder = RecordLadders ? new Reports.Ladders.LadderRecording() : null;
        world.PacketObserver = ladder;
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

        var runner = await session.RunnerForAsync(session.FeatureOf(scenario));
        try
        {
            runner.OnScenarioInitialize(ReqnrollSession.ScenarioInfoOf(scenario), null);
            var context = runner.ScenarioContext;
            context.ScenarioContainer.RegisterInstanceAs(world);

            // Every argument is converted before anything runs, so a bad value fails the scenario even when it is pending.
            var arguments = new object?[matches.Length][];
            for (var i = 0; i < matches.Length; i++)
            {
                try
                {
                    arguments[i] = await StepArguments.ConvertAsync(context, matches[i], scenario.Steps[i]);
                }
                catch (FormatException e)
                {
                    failure = new ScenarioFailure(i + 1, scenario.Steps[i].Display, "invalid step: " + e.Message);
                    for (var k = 0; k < matches.Length; k++)
                        outcomes.Add(new StepOutcome(k + 1, scenario.Steps[k], k == i ? StepStatus.Failed : StepStatus.Skipped, k == i ? failure.Message : null));
                    // Nothing ran: Reqnroll's scenario is left unstarted (no hooks), the next one replaces it.
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

            await runner.OnScenarioStartAsync();
            if (context.TestError is { } hookError)
                failure = new ScenarioFailure(0, "before-scenario hook", Describe(hookError).message);

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
                var started = world.Elapsed;
                ladder?.StepStarted(i + 1, step.Display, started);
                world.Within = matches[i].Within;
                var problem = await RunStepAsync(runner, matches[i], step);
                world.Within = null;
                var timing = (started, finished: world.Elapsed);
                if (problem is null)
                {
                    outcomes.Add(new StepOutcome(i + 1, step, StepStatus.Passed, null) { Started = timing.started, Finished = timing.finished });
                }
                else if (problem.Value.pending)
                {
                    pending = problem.Value.message;
                    world.Trace.Record("step", "pending: " + pending);
                    outcomes.Add(new StepOutcome(i + 1, step, StepStatus.Pending, pending) { Started = timing.started, Finished = timing.finished });
                }
                else
                {
                    failure = new ScenarioFailure(i + 1, step.Display, problem.Value.message);
                    world.Trace.Record("step", "failed: " + problem.Value.message);
                    outcomes.Add(new StepOutcome(i + 1, step, StepStatus.Failed, problem.Value.message) { Started = timing.started, Finished = timing.finished });
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

            var before = context.TestError;
            await CollectErrorsAsync(runner);
            try
            {
                await runner.OnScenarioEndAsync();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                if (failure is null) failure = new ScenarioFailure(0, "after-scenario hook", Describe(e).message);
            }
            if (failure is null && context.TestError is { } afterError && !ReferenceEquals(afterError, before))
                failure = new ScenarioFailure(0, "after-scenario hook", Describe(afterError).message);
            return Finish(scenario, world, outcomes, failure, pending, wallClock, wallStart);
        }
        finally
        {
            ReqnrollSession.Release(runner);
        }
    }

    /// <summary>Runs one step through Reqnroll: its error, if any, comes back as a pending reason or a failure message.</summary>
    private static async Task<(bool pending, string message)?> RunStepAsync(Reqnroll.ITestRunner runner, StepMatch match, ScenarioStep step)
    {
        var table = step.Table is null ? null : StepTables.ToReqnroll(step.Table);
        var keyword = step.Keyword;
        try
        {
            switch (step.Kind)
            {
                case StepKind.Given: await runner.GivenAsync(match.Text, step.DocString, table, keyword); break;
                case StepKind.When: await runner.WhenAsync(match.Text, step.DocString, table, keyword); break;
                default: await runner.ThenAsync(match.Text, step.DocString, table, keyword); break;
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Describe(e);
        }
        var status = runner.ScenarioContext.ScenarioExecutionStatus;
        if (status == Reqnroll.ScenarioExecutionStatus.OK) return null;
        if (runner.ScenarioContext.TestError is { } error) return Describe(error);
        return (false, "error: Reqnroll reports the step as " + status);
    }

    private static async Task CollectErrorsAsync(Reqnroll.ITestRunner runner)
    {
        try
        {
            await runner.CollectScenarioErrorsAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The runner has judged every step already; Reqnroll rethrows the first error here.
        }
    }

    private ScenarioResult Finish(ScenarioCase scenario, ScenarioWorld world, List<StepOutcome> outcomes, ScenarioFailure? failure, string? pending,
        TimeProvider? wallClock, long wallStart)
    {
        var status = failure is not null ? ScenarioStatus.Failed : pending is not null ? ScenarioStatus.Pending : ScenarioStatus.Passed;
        world.Trace.Record("scenario", status.ToString().ToUpperInvariant());
        var wall = (wallClock ?? TimeProvider.System).GetElapsedTime(wallStart);
        return new ScenarioResult(scenario, world.Seed, world.Trace.HashHex(), status, outcomes, failure, pending, world.Trace.RecentLines(), world.Elapsed, wall)
        {
            Ladder = world.PacketObserver as Reports.Ladders.LadderRecording,
        };
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

    private static (bool pending, string message) Describe(Exception e) => e switch
    {
        System.Reflection.TargetInvocationException { InnerException: { } inner } => Describe(inner),
        AggregateException { InnerExceptions.Count: 1 } aggregate => Describe(aggregate.InnerExceptions[0]),
        PendingStepException pending => (true, pending.Reason),
        Reqnroll.PendingStepException reqnrollPending => (true, reqnrollPending.Message),
        StepFailedException failed => (false, failed.Message),
        FormatException or InvalidOperationException or ArgumentException or FileNotFoundException => (false, "error: " + e.Message),
        _ => (false, $"error: {e.GetType().Name}: {e.Message}"),
    };
}
