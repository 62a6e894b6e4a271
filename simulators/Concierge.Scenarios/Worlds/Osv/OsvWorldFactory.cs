using Concierge.Config.Topology;
using Concierge.Scenarios.Systems;
using Concierge.Scenarios.Topologies;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Worlds.Osv;

/// <summary>Builds the simulated world for OpenScape Voice topologies with a CPS and no contact center.</summary>
public sealed class OsvWorldFactory : IScenarioSystemFactory
{
    /// <inheritdoc />
    public bool Supports(TopologyInfo topology) =>
        topology.Pbx == PbxKind.Osv
        && topology.Configuration is TopologyDocument { Concierge: { } config } document
        && document.Section("osv") is not null
        && document.Section("oscc") is null
        && !config.UsesOscc;

    /// <inheritdoc />
    public IScenarioSystem Build(TopologyInfo topology, ScenarioWorld world) =>
        new OsvWorld(topology, world, (TopologyDocument)topology.Configuration!);
}
