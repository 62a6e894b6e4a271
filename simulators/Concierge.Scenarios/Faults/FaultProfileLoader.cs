using Concierge.Config.Durations;
using System.Globalization;
using Concierge.Scenarios.Values;
using YamlDotNet.RepresentationModel;

namespace Concierge.Scenarios.Faults;

/// <summary>Reads fault profiles: a `name`, a `description` and an `every-link` map of latency, jitter, loss, duplicate and reorder.</summary>
public static class FaultProfileLoader
{
    /// <summary>The folder of the standard profiles, relative to the repository root.</summary>
    public const string Folder = "scenarios/faults";

    /// <summary>Loads the profile <paramref name="nameOrPath"/>: a name in <see cref="Folder"/> or a path to a YAML file.</summary>
    public static FaultProfile Load(string repositoryRoot, string nameOrPath)
    {
        var path = File.Exists(nameOrPath) ? nameOrPath : Path.Combine(repositoryRoot, Folder, nameOrPath + ".yaml");
        if (!File.Exists(path))
        {
            var known = Directory.Exists(Path.Combine(repositoryRoot, Folder))
                ? Directory.EnumerateFiles(Path.Combine(repositoryRoot, Folder), "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToArray()
                : [];
            throw new FileNotFoundException($"no fault profile '{nameOrPath}' (known: {string.Join(", ", known)})", path);
        }
        return Parse(File.ReadAllText(path), Path.GetFileNameWithoutExtension(path));
    }

    /// <summary>Parses profile YAML; <paramref name="fallbackName"/> is used when the file has no `name`.</summary>
    public static FaultProfile Parse(string yaml, string fallbackName)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new FormatException($"fault profile '{fallbackName}' is not a YAML map");
        var name = Scalar(root, "name") ?? fallbackName;
        var description = Scalar(root, "description") ?? "";
        if (!root.Children.TryGetValue(new YamlScalarNode("every-link"), out var linkNode) || linkNode is not YamlMappingNode link)
            throw new FormatException($"fault profile '{name}' has no 'every-link' map");
        var known = new HashSet<string> { "latency", "jitter", "loss-percent", "duplicate-percent", "reorder-percent" };
        foreach (var key in link.Children.Keys.OfType<YamlScalarNode>())
            if (!known.Contains(key.Value!)) throw new FormatException($"fault profile '{name}': unknown setting '{key.Value}' (known: {string.Join(", ", known)})");
        return new FaultProfile(name, description, new LinkFaults(
            Duration(link, "latency"), Duration(link, "jitter"), Percent(link, "loss-percent"), Percent(link, "duplicate-percent"), Percent(link, "reorder-percent")));
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar ? scalar.Value : null;

    private static TimeSpan Duration(YamlMappingNode map, string key) =>
        Scalar(map, key) is { } text ? DurationText.Parse(text) : TimeSpan.Zero;

    private static double Percent(YamlMappingNode map, string key)
    {
        if (Scalar(map, key) is not { } text) return 0;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value is < 0 or > 100)
            throw new FormatException($"{key}: '{text}' is not a percentage between 0 and 100");
        return value;
    }
}
