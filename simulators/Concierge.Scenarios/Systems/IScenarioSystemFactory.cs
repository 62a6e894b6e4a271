using Concierge.Scenarios.Topologies;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Systems;

/// <summary>Builds the simulated system for topologies it supports; later sessions add one per simulator family.</summary>
public interface IScenarioSystemFactory
{
    /// <summary>True when this factory can build <paramref name="topology"/>.</summary>
    bool Supports(TopologyInfo topology);

    /// <summary>Builds the system inside <paramref name="world"/>: its loop, random, trace and the topology's simulated network (<see cref="ScenarioWorld.Network"/>).</summary>
    IScenarioSystem Build(TopologyInfo topology, ScenarioWorld world);
}
