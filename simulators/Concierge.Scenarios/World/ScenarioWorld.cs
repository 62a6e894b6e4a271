using Concierge.Config.Durations;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Tracing;
using Concierge.Runtime.Transports.Simulated;
using Concierge.Scenarios.Channels;
using Concierge.Scenarios.Network;
using Concierge.Scenarios.Systems;
using Concierge.Scenarios.Topologies;
using Concierge.Scenarios.Values;

namespace Concierge.Scenarios.World;

/// <summary>
/// The fresh world one scenario run lives in: a virtual clock and event loop, a seeded random, a trace, the chosen
/// topology and the simulated system built for it. Time moves only through <see cref="Pass"/> and <see cref="Expect"/>.
/// </summary>
public sealed class ScenarioWorld
{
    /// <summary>The topology used when a scenario needs a system without naming one.</summary>
    public const string DefaultTopology = "osv-example";

    private IScenarioSystem? _system;

    /// <summary>Creates a world from <paramref name="seed"/>.</summary>
    public ScenarioWorld(ulong seed, ScenarioEnvironment environment)
    {
        Environment = environment;
        Seed = seed;
        Random = new DeterministicRandom(seed);
        Loop = new SimulatedEventLoop();
        Trace = new TraceLog(Loop.Time, 40, environment.FullTrace);
        Trace.Record("world", $"seed {seed}");
    }

    /// <summary>What all worlds of the run share.</summary>
    public ScenarioEnvironment Environment { get; }

    /// <summary>The seed the world's randomness comes from.</summary>
    public ulong Seed { get; private set; }

    /// <summary>The root generator; components take their own stream with Split.</summary>
    public DeterministicRandom Random { get; private set; }

    /// <summary>The virtual-time event loop every simulated component runs on.</summary>
    public SimulatedEventLoop Loop { get; }

    /// <summary>The run's trace (hash, last lines).</summary>
    public TraceLog Trace { get; }

    /// <summary>The callers the scenario has named.</summary>
    public CallerBook Callers { get; } = new();

    /// <summary>The chosen topology, or null before one is chosen.</summary>
    public TopologyInfo? Topology { get; private set; }

    /// <summary>The channel settings the scenario configured (from the topology or `Given the CPS has … channels`).</summary>
    public ChannelSettings? ChannelSettings { get; set; }

    /// <summary>The `within` window of the step being run, or null for an immediate check.</summary>
    public TimeSpan? Within { get; set; }

    /// <summary>True once the simulated system has been built; from then on the topology and seed are fixed.</summary>
    public bool SystemBuilt => _system is not null;

    /// <summary>The simulated system, built from the topology (default <see cref="DefaultTopology"/>) on first use.</summary>
    public IScenarioSystem System => _system ??= BuildSystem();

    /// <summary>The topology's simulated network, built with the system; engines and simulators attach to its hosts.</summary>
    public SimulatedNetwork? Network { get; private set; }

    /// <summary>Sees the traffic of the network once it is built (for ladder diagrams); set before the system starts.</summary>
    public IPacketObserver? PacketObserver { get; set; }

    /// <summary>Virtual time elapsed since the world began.</summary>
    public TimeSpan Elapsed => Loop.Clock.Elapsed;

    /// <summary>Chooses the topology; only before the system is built.</summary>
    public void UseTopology(TopologyInfo topology)
    {
        if (SystemBuilt) throw new InvalidOperationException($"the topology must be chosen before the system starts (it runs {Topology?.Name})");
        Topology = topology;
        ChannelSettings = topology.Channels;
        Trace.Record("world", $"topology {topology.Name}");
    }

    /// <summary>The chosen topology, loading <see cref="DefaultTopology"/> if none was chosen.</summary>
    public TopologyInfo RequireTopology()
    {
        if (Topology is null) UseTopology(TopologyCatalog.Load(Environment.RepositoryRoot, DefaultTopology));
        return Topology!;
    }

    /// <summary>Replaces the seed; only before the system is built.</summary>
    public void Reseed(ulong seed)
    {
        if (SystemBuilt) throw new InvalidOperationException("the seed must be set before the system starts");
        Seed = seed;
        Random = new DeterministicRandom(seed);
        Trace.Record("world", $"seed {seed}");
    }

    /// <summary>The full number of a device of the topology.</summary>
    public string Resolve(DeviceRef device) => RequireTopology().Resolve(device);

    /// <summary>Returns <paramref name="capability"/> or throws <see cref="PendingStepException"/> naming what is needed.</summary>
    public T Need<T>(T? capability, string what) where T : class =>
        capability ?? throw new PendingStepException("needs " + what);

    /// <summary>Lets <paramref name="duration"/> of virtual time pass, running everything due.</summary>
    public void Pass(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(duration), duration, "time cannot pass backwards");
        Loop.RunFor(duration);
        Trace.Record("world", $"{DurationText.Format(duration)} passed");
    }

    /// <summary>
    /// Asserts <paramref name="holds"/>: at once, or within the step's `within` window by advancing virtual time until
    /// it holds. On failure throws <see cref="StepFailedException"/> with <paramref name="observe"/>'s description.
    /// </summary>
    public void Expect(Func<bool> holds, Func<string> observe)
    {
        var ok = Within is { } window ? Loop.RunUntil(holds, window) : holds();
        if (!ok) throw new StepFailedException(observe());
    }

    /// <summary>Every invariant: the world's own and the system's.</summary>
    public IEnumerable<IWorldInvariant> Invariants()
    {
        yield return new WorldInvariant("every call that entered has a disposition or is still in progress", CallsAccountedFor);
        if (_system is not null)
            foreach (var invariant in _system.Invariants) yield return invariant;
    }

    /// <summary>The broken invariants, each with what breaks it.</summary>
    public IReadOnlyList<string> BrokenInvariants() =>
        Invariants().Select(i => (i.Name, violation: i.Violation())).Where(x => x.violation is not null).Select(x => $"{x.Name}: {x.violation}").ToArray();

    private string? CallsAccountedFor()
    {
        if (Callers.All.Count == 0) return null;
        var callers = System.Callers;
        if (callers is null) return $"{Callers.All.Count} calls were placed but no caller simulator can account for them";
        var lost = Callers.All.Where(c => callers.Observe(c.Call) is { Disposition: null, Hearing: CallerHearing.Nothing, SettingUp: false }).Select(c => c.Name).ToArray();
        return lost.Length == 0 ? null : $"calls of {string.Join(", ", lost)} have no disposition and hear nothing";
    }

    private IScenarioSystem BuildSystem()
    {
        var topology = RequireTopology();
        Network = TopologyNetwork.Build(topology, Loop, Random.Split("network"), Trace);
        Network.Observer = PacketObserver;
        var system = Environment.Systems.Build(topology, this);
        Trace.Record("world", system is BareNetworkSystem ? $"no simulated system for {topology.Name} yet: network only" : $"system built for {topology.Name}");
        if (Environment.Faults is { } faults)
        {
            if (system.Network is { } network) network.ApplyToEveryLink(faults.EveryLink);
            Trace.Record("world", $"fault profile {faults.Name} {(system.Network is null ? "not applied: no simulated network" : "applied to every link")}");
        }
        return system;
    }
}
