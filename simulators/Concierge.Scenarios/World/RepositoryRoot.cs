namespace Concierge.Scenarios.World;

/// <summary>Finds the repository root: the nearest folder, walking up, that holds `Concierge.sln`.</summary>
public static class RepositoryRoot
{
    /// <summary>The root above <paramref name="start"/>, or null when there is none.</summary>
    public static string? Find(string start)
    {
        var directory = new DirectoryInfo(start);
        for (var depth = 0; directory is not null && depth < 64; depth++, directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Concierge.sln"))) return directory.FullName;
        return null;
    }

    /// <summary>The root above <paramref name="start"/>; when there is none, says so on <paramref name="output"/> and gives null.</summary>
    public static string? FindOrReport(string start, TextWriter output)
    {
        var root = Find(start);
        if (root is null) output.WriteLine("error: not inside the repository (no Concierge.sln above the working directory)");
        return root;
    }
}
