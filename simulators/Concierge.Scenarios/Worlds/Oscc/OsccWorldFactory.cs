using Concierge.Config.Topology;
using Concierge.Scenarios.Systems;
using Concierge.Scenarios.Topologies;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Worlds.Oscc;

/// <summary>Builds the simulated world for OpenScape Voice topologies with an OpenScape Contact Center.</summary>
public sealed class OsccWorldFactory : IScenarioSystemFactory
{
    /// <inheritdoc />
    public bool Supports(TopologyInfo topology) =>
        topology.Pbx == PbxKind.Osv
        && topology.Configuration is TopologyDocument { Concierge: not null } document
        && document.Section("osv") is not null
        && document.Section("oscc") is not null;

    /// <inheritdoc />
    public IScenarioSystem Build(TopologyInfo topology, ScenarioWorld world) =>
        new OsccWorld(topology, world, (TopologyDocument)topology.Configuration!);
}
