using Concierge.Scenarios.Topologies;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Systems;

/// <summary>The system factories known to a run; the first that supports a topology builds it, else a bare network system.</summary>
public sealed class ScenarioSystemCatalog(IReadOnlyList<IScenarioSystemFactory> factories)
{
    /// <summary>The factories of this build. Sessions that add a simulator register its factory here.</summary>
    public static ScenarioSystemCatalog Standard { get; } = new([new Worlds.Osv.OsvWorldFactory(), new Worlds.Os4000.Os4000WorldFactory(), new Worlds.Oscc.OsccWorldFactory(), new Worlds.OsBiz.OsBizWorldFactory()]);

    /// <summary>The factories, in order of preference.</summary>
    public IReadOnlyList<IScenarioSystemFactory> Factories { get; } = factories;

    /// <summary>Builds the system for <paramref name="topology"/>.</summary>
    public IScenarioSystem Build(TopologyInfo topology, ScenarioWorld world) =>
        Factories.FirstOrDefault(f => f.Supports(topology))?.Build(topology, world)
        ?? new BareNetworkSystem(world.Network is { } network ? new Network.SimulatedNetworkFaults(network) : null);
}
