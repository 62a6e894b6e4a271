using Concierge.Config.Topology;

namespace Concierge.Server.Tests;

/// <summary>The repository's standard topologies folder.</summary>
internal static class TestTopology
{
    public static string Directory { get; } = TopologyLoader.FindRepositoryDirectory(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("the repository (Concierge.sln) was not found above " + AppContext.BaseDirectory);

    /// <summary>The repository's root folder (where Concierge.sln is).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Concierge.sln"))) return folder.FullName;
        throw new InvalidOperationException("the repository (Concierge.sln) was not found above " + AppContext.BaseDirectory);
    }
}
