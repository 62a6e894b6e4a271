using Concierge.Config.Topology;

namespace Concierge.Config.Tests.Topology;

/// <summary>Loads the standard topologies from scenarios/topologies once per test run.</summary>
internal static class StandardTopologies
{
    private static readonly Dictionary<string, TopologyDocument> Cache = [];

    public static TopologyDocument Load(string name)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(name, out var document))
            {
                document = TopologyLoader.FromDirectory(RepositoryPaths.Topologies).Load(name);
                Cache[name] = document;
            }
            return document;
        }
    }
}
