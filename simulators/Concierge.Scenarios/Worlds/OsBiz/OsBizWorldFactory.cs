using Concierge.Config.Topology;
using Concierge.Scenarios.Systems;
using Concierge.Scenarios.Topologies;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Worlds.OsBiz;

/// <summary>Builds the simulated world for OpenScape Business topologies with a Unify Phone tenant (osbiz-unifyphone).</summary>
public sealed class OsBizWorldFactory : IScenarioSystemFactory
{
    /// <inheritdoc />
    public bool Supports(TopologyInfo topology) =>
        topology.Pbx == PbxKind.OpenScapeBusiness
        && topology.Configuration is TopologyDocument document
        && document.Section("osbiz") is not null
        && document.Section("unifyPhone") is not null;

    /// <inheritdoc />
    public IScenarioSystem Build(TopologyInfo topology, ScenarioWorld world) =>
        new OsBizWorld(world, (TopologyDocument)topology.Configuration!);
}
