using Concierge.Config.Topology;
using Concierge.Scenarios.Systems;
using Concierge.Scenarios.Topologies;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Worlds.Os4000;

/// <summary>Builds the simulated world for OpenScape 4000 topologies with a CPS on the STMI trunk.</summary>
public sealed class Os4000WorldFactory : IScenarioSystemFactory
{
    /// <inheritdoc />
    public bool Supports(TopologyInfo topology) =>
        topology.Pbx == PbxKind.Os4000
        && topology.Configuration is TopologyDocument { Concierge: not null } document
        && document.Section("os4000") is not null;

    /// <inheritdoc />
    public IScenarioSystem Build(TopologyInfo topology, ScenarioWorld world) =>
        new Os4000World(topology, world, (TopologyDocument)topology.Configuration!);
}
