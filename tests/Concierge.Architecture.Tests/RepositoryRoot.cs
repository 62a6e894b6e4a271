namespace Concierge.Architecture.Tests;

/// <summary>Finds the repository root (the folder holding Concierge.sln) from the test's output folder.</summary>
public static class RepositoryRoot
{
    /// <summary>The repository root.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Concierge.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no Concierge.sln above {AppContext.BaseDirectory}");
    }
}
