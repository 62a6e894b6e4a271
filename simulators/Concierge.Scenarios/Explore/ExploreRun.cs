using System.Globalization;
using Concierge.Runtime.Loop;
using Concierge.Scenarios.Systems;
using Concierge.Scenarios.Topologies;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Explore;

/// <summary>
/// Explores one seed: builds the simulated world as a load run does, takes random actions at random virtual times
/// (all drawn from the world's "explore" random stream) while checking the world's invariants every 10 virtual
/// seconds, then hangs every caller up, drains, and requires that every call has a disposition.
/// </summary>
public static class ExploreRun
{
    private const int MaxViolationsReported = 20;

    /// <summary>Mean virtual time between two random actions.</summary>
    public static readonly TimeSpan MeanActionGap = TimeSpan.FromSeconds(3);

    /// <summary>What the topology's simulated system lacks for exploring (callers, attendant desk, CPS configuration), or null.</summary>
    public static string? MissingCapability(ExploreOptions options, string repositoryRoot)
    {
        var world = new ScenarioWorld(1, new ScenarioEnvironment(repositoryRoot, null, ScenarioSystemCatalog.Standard));
        world.UseTopology(TopologyCatalog.Load(repositoryRoot, options.Topology));
        var system = world.System;
        if (system.Callers is null) return "its simulated system has no callers";
        if (system.Attendants is null) return "its simulated system has no attendant desk";
        try
        {
            ExploreTargets.Of(world.Topology!, system);
            return null;
        }
        catch (InvalidOperationException e)
        {
            return e.Message;
        }
    }

    /// <summary>
    /// Runs seed <paramref name="seed"/>. <paramref name="extraInvariants"/> adds invariants to the system's own (a
    /// hook for tests); <paramref name="fullTrace"/> receives every trace line.
    /// </summary>
    public static ExploreResult Execute(ExploreOptions options, string repositoryRoot, ulong seed, TextWriter? fullTrace = null,
        Func<ScenarioWorld, IEnumerable<IWorldInvariant>>? extraInvariants = null, Action<ExploreChaos>? chaos = null)
    {
        var world = new ScenarioWorld(seed, new ScenarioEnvironment(repositoryRoot, options.Faults, ScenarioSystemCatalog.Standard, fullTrace));
        var topology = TopologyCatalog.Load(repositoryRoot, options.Topology);
        world.UseTopology(topology);
        var system = world.System;
        var log = new ActionLog(world.Trace, () => world.Elapsed);
        var violations = new List<string>();
        var invariants = system.Invariants.Concat(extraInvariants?.Invoke(world) ?? []).ToArray();
        void Violated(string text)
        {
            if (violations.Count < MaxViolationsReported) violations.Add(string.Create(CultureInfo.InvariantCulture, $"{world.Elapsed} {text}"));
        }
        void CheckInvariants()
        {
            foreach (var invariant in invariants)
                if (invariant.Violation() is { } broken) Violated($"{invariant.Name}: {broken}");
        }

        ExploreActions? actions = null;
        try
        {
            var random = world.Random.Split("explore");
            actions = new ExploreActions(world, system, random, ExploreTargets.Of(topology, system), log);
            var end = world.Loop.Now + options.Duration;
            void Act()
            {
                if (world.Loop.Now >= end || violations.Count > 0) return;
                actions.Step();
                var gap = TimeSpan.FromTicks((long)(-Math.Log(1 - random.NextDouble()) * MeanActionGap.Ticks));
                world.Loop.ScheduleAfter(gap, Act);
            }
            world.Loop.ScheduleEvery(ExploreOptions.InvariantCheckInterval, CheckInvariants);
            world.Loop.ScheduleAfter(TimeSpan.Zero, Act);
            var chaosState = new ExploreChaos(world, system, log, end);
            chaos?.Invoke(chaosState);
            world.Loop.RunUntilTime(end);
            chaosState.Heal();
            actions.WindDown();
            world.Loop.RunUntilTime(end + ExploreOptions.DrainTime);
            CheckInvariants();
            if (system.Attendants is { } desk)
            {
                var busy = desk.LoggedOnDevices.Where(d => desk.Observe(d).CurrentCall is not null).ToArray();
                if (busy.Length > 0)
                    Violated($"the CPS is idle once every caller hung up: attendants {string.Join(", ", busy.Select(d => $"{d} still handle {desk.Observe(d).CurrentCall}"))}");
            }
            if (system.Cps is { ProcessingChannelsInUse: > 0 } cps)
                Violated($"the CPS is idle once every caller hung up: {cps.ProcessingChannelsInUse} processing channels still in use");
            foreach (var broken in chaosState.Violations) Violated(broken);
            foreach (var (name, check) in chaosState.AfterDrain)
                if (check() is { } problem) Violated($"{name}: {problem}");
            var lost = actions.Calls.Where(c => system.Callers!.Observe(c).Disposition is null).ToArray();
            if (lost.Length > 0)
                Violated($"no call is lost: {lost.Length} calls have no disposition {ExploreOptions.DrainTime.TotalMinutes:0} minutes after every caller hung up: "
                         + string.Join(", ", lost.Take(5).Select(c => $"{c.Id} ({system.Callers!.Observe(c).Describe()})")));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Violated($"an exception escaped: {e.GetType().Name}: {e.Message}{Environment.NewLine}{e.StackTrace}");
        }
        return new ExploreResult(seed, world.Trace.HashHex(), actions?.Calls.Count ?? 0, log.Actions, log.Refused, violations, log.Recent, world.Trace.RecentLines());
    }
}
