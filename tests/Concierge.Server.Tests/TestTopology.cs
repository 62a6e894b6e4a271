using Concierge.Config.Topology;

namespace Concierge.Server.Tests;

/// <summary>The repository's standard topologies folder.</summary>
internal static class TestTopology
{
    public static string Directory { get; } = TopologyLoader.FindRepositoryDirectory(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("the repository (Concierge.sln) was not found above " + AppContext.BaseDirectory);
}
