using Concierge.Scenarios.Faults;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Explore;

/// <summary>What an exploration runs: how long each seed acts, on which topology, under which fault profile.</summary>
/// <param name="Duration">Virtual time during which random actions happen (then every caller hangs up and the world drains).</param>
/// <param name="Topology">The topology name in scenarios/topologies/.</param>
/// <param name="Faults">The fault profile applied to every link, or null for a clean network.</param>
public sealed record ExploreOptions(TimeSpan Duration, string Topology = ScenarioWorld.DefaultTopology, FaultProfile? Faults = null)
{
    /// <summary>The virtual time of random actions when none is given.</summary>
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromMinutes(20);

    /// <summary>How long the world runs after the last caller hung up before every call must have a disposition.</summary>
    public static readonly TimeSpan DrainTime = TimeSpan.FromMinutes(5);

    /// <summary>How often the world's invariants are evaluated.</summary>
    public static readonly TimeSpan InvariantCheckInterval = TimeSpan.FromSeconds(10);
}
