namespace Concierge.Scenarios.Topologies;

/// <summary>Finds and loads the standard topologies in `scenarios/topologies/&lt;name&gt;.yaml`.</summary>
public static class TopologyCatalog
{
    /// <summary>The folder of the topologies, relative to the repository root.</summary>
    public const string Folder = "scenarios/topologies";

    // Topologies are immutable once read; a run loads each one once unless its file changes.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (DateTime stamp, TopologyInfo topology)> Cache = new(StringComparer.Ordinal);

    /// <summary>The path of topology <paramref name="name"/>.</summary>
    public static string PathOf(string repositoryRoot, string name) => Path.Combine(repositoryRoot, Folder, name + ".yaml");

    /// <summary>Loads topology <paramref name="name"/>; throws <see cref="FileNotFoundException"/> listing the known ones.</summary>
    public static TopologyInfo Load(string repositoryRoot, string name)
    {
        var path = PathOf(repositoryRoot, name);
        if (!File.Exists(path))
        {
            var folder = Path.Combine(repositoryRoot, Folder);
            var known = Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToArray() : [];
            throw new FileNotFoundException($"no topology \"{name}\" in {Folder} (known: {(known.Length == 0 ? "none" : string.Join(", ", known))})", path);
        }
        var stamp = File.GetLastWriteTimeUtc(path);
        var key = Path.GetFullPath(path);
        if (Cache.TryGetValue(key, out var cached) && cached.stamp == stamp) return cached.topology;
        var topology = TopologyReader.Read(name, path, repositoryRoot);
        Cache[key] = (stamp, topology);
        return topology;
    }
}
