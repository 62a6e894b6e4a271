namespace Concierge.Config.Tests;

/// <summary>Locates the repository root (the folder holding Concierge.sln) from the test's base directory.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Topologies => Concierge.Config.Topology.TopologyLoader.FindRepositoryDirectory(AppContext.BaseDirectory)!;

    public static readonly string[] StandardTopologies = [.. Concierge.Config.Topology.TopologyLoader.StandardNames];

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        for (var guard = 0; guard < 20 && dir is not null; guard++, dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Concierge.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Concierge.sln not found above " + AppContext.BaseDirectory);
    }
}
