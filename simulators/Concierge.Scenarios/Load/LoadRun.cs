using System.Globalization;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Scenarios.Channels;
using Concierge.Scenarios.Systems;
using Concierge.Scenarios.Topologies;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Load;

/// <summary>What a load run measured.</summary>
public sealed record LoadResult(
    LoadProfile Profile,
    ulong Seed,
    int CallsPlaced,
    IReadOnlyDictionary<string, int> Dispositions,
    int StillInProgress,
    int MaxProcessingChannelsInUse,
    TimeSpan VirtualTime,
    TimeSpan WallTime,
    string TraceHash,
    IReadOnlyList<string> Violations)
{
    /// <summary>True when every call ended with a disposition and no world invariant broke during the run.</summary>
    public bool Sound => StillInProgress == 0 && Violations.Count == 0;

    /// <summary>Virtual time simulated per unit of wall time.</summary>
    public double SpeedUp => WallTime > TimeSpan.Zero ? VirtualTime / WallTime : double.PositiveInfinity;
}

/// <summary>
/// Runs a load profile on the simulated world: callers arrive at random (Poisson) at the profile's rate, the CPS
/// queues and pushes them over full SIP on the simulated network, attendants talk for the talk time and release.
/// </summary>
public static class LoadRun
{
    /// <summary>How often the world's invariants (channel, request and callback number accounting) are checked.</summary>
    public static readonly TimeSpan InvariantCheckInterval = TimeSpan.FromMinutes(1);

    private const int MaxViolationsReported = 20;

    /// <summary>Runs <paramref name="profile"/> from <paramref name="seed"/>.</summary>
    public static LoadResult Execute(LoadProfile profile, string repositoryRoot, ulong seed, TimeProvider wallClock)
    {
        var started = wallClock.GetTimestamp();
        var world = new ScenarioWorld(seed, new ScenarioEnvironment(repositoryRoot, null, ScenarioSystemCatalog.Standard));
        var topology = TopologyCatalog.Load(repositoryRoot, profile.Topology);
        world.UseTopology(topology);
        var system = world.System;
        var cps = system.Cps ?? throw new InvalidOperationException($"topology {profile.Topology} has no simulated CPS");
        var desk = system.Attendants ?? throw new InvalidOperationException($"topology {profile.Topology} has no attendant API");
        var callers = system.Callers ?? throw new InvalidOperationException($"topology {profile.Topology} has no callers");
        cps.ConfigureChannels(new ChannelSettings(profile.Channels, profile.ChannelRatio));
        var devices = profile.Attendants.Select(a => topology.Resolve(new Values.DeviceRef(a))).ToList();
        foreach (var device in devices) desk.LogOn(device, available: true);
        var pilot = topology.Resolve(new Values.DeviceRef(profile.Pilot));

        var random = world.Random.Split("load");
        var calls = new List<CallRef>();
        var end = world.Loop.Now + profile.Duration;
        var meanGap = TimeSpan.FromHours(1) / profile.CallsPerHour;
        var maxProcessing = 0;
        var violations = new List<string>();
        void CheckInvariants()
        {
            foreach (var invariant in system.Invariants)
            {
                if (violations.Count >= MaxViolationsReported) return;
                if (invariant.Violation() is { } broken) violations.Add(string.Create(CultureInfo.InvariantCulture, $"{world.Elapsed} {invariant.Name}: {broken}"));
            }
        }
        world.Loop.ScheduleEvery(InvariantCheckInterval, CheckInvariants);
        void Arrive()
        {
            if (world.Loop.Now >= end) return;
            var name = "load " + calls.Count.ToString(CultureInfo.InvariantCulture);
            var from = "+4930" + (1_000_000 + calls.Count).ToString(CultureInfo.InvariantCulture);
            calls.Add(callers.Dial(name, from, pilot));
            var gap = TimeSpan.FromTicks((long)(-Math.Log(1 - random.NextDouble()) * meanGap.Ticks));
            world.Loop.ScheduleAfter(gap, Arrive);
        }
        world.Loop.ScheduleAfter(TimeSpan.Zero, Arrive);

        // Attendants release a call once they have talked for the talk time (checked every second of virtual time).
        var talkingSince = new Dictionary<string, (CallRef Call, DateTimeOffset Since)>();
        world.Loop.ScheduleEvery(TimeSpan.FromSeconds(1), () =>
        {
            maxProcessing = Math.Max(maxProcessing, cps.ProcessingChannelsInUse);
            foreach (var device in devices)
            {
                var view = desk.Observe(device);
                if (view.CurrentCall is not { } call || callers.Observe(call).Hearing != CallerHearing.Connected)
                {
                    talkingSince.Remove(device);
                    continue;
                }
                if (!talkingSince.TryGetValue(device, out var talk) || talk.Call != call) talkingSince[device] = (call, world.Loop.Now);
                else if (world.Loop.Now - talk.Since >= profile.TalkTime)
                {
                    desk.Release(device);
                    talkingSince.Remove(device);
                }
            }
        });
        world.Loop.RunUntilTime(end + TimeSpan.FromMinutes(5));
        CheckInvariants();

        var dispositions = new Dictionary<string, int>(StringComparer.Ordinal);
        var inProgress = 0;
        foreach (var call in calls)
        {
            if (callers.Observe(call).Disposition is { } d)
            {
                var key = d.ToString().ToLowerInvariant();
                dispositions[key] = dispositions.GetValueOrDefault(key) + 1;
            }
            else inProgress++;
        }
        return new LoadResult(profile, seed, calls.Count, dispositions, inProgress, maxProcessing, world.Elapsed, wallClock.GetElapsedTime(started), world.Trace.HashHex(), violations);
    }
}
