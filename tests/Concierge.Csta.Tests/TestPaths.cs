namespace Concierge.Csta.Tests;

/// <summary>Locates files next to the test binaries and in the repository.</summary>
public static class TestPaths
{
    /// <summary>The folder holding Concierge.sln.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        for (var i = 0; i < 12 && dir is not null; i++, dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Concierge.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Concierge.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Golden XML folder copied next to the test binaries.</summary>
    public static string GoldenOutput => Path.Combine(AppContext.BaseDirectory, "Golden");

    /// <summary>Golden XML folder in the source tree.</summary>
    public static string GoldenSource => Path.Combine(RepositoryRoot(), "tests", "Concierge.Csta.Tests", "Golden");
}
