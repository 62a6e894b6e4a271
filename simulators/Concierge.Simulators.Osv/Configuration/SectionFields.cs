using System.Globalization;
using Concierge.Config.Durations;
using Concierge.Config.Topology;

namespace Concierge.Simulators.Osv.Configuration;

/// <summary>Reads typed fields out of a topology tree, collecting errors that name file, line, field path and value.</summary>
internal sealed class SectionFields
{
    private readonly List<string> _errors = [];

    public IReadOnlyList<string> Errors => _errors;

    public void Error(TopologyNode? node, string path, string message) =>
        _errors.Add($"{(node is null ? "?" : node.Source.ToString())}: {path}: {message}");

    public void KnownKeys(TopologyMapping mapping, string path, params string[] known)
    {
        foreach (var entry in mapping.Entries)
        {
            if (!known.Contains(entry.Key, StringComparer.Ordinal))
            {
                _errors.Add($"{entry.KeySource}: {path}.{entry.Key}: unknown key (known: {string.Join(", ", known)})");
            }
        }
    }

    public string? Text(TopologyMapping mapping, string key, string path, bool required = false)
    {
        var node = mapping[key];
        if (node is null or TopologyScalar { Value: null })
        {
            if (required) Error(node ?? mapping, $"{path}.{key}", "is required");
            return null;
        }
        if (node is TopologyScalar scalar) return scalar.Value;
        Error(node, $"{path}.{key}", $"must be a value, not {node.Kind}");
        return null;
    }

    public bool Bool(TopologyMapping mapping, string key, string path, bool fallback)
    {
        var text = Text(mapping, key, path);
        if (text is null) return fallback;
        if (bool.TryParse(text, out var value)) return value;
        Error(mapping[key], $"{path}.{key}", $"\"{text}\" is not true or false");
        return fallback;
    }

    public int Int(TopologyMapping mapping, string key, string path, int fallback, int min, int max)
    {
        var text = Text(mapping, key, path);
        if (text is null) return fallback;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        Error(mapping[key], $"{path}.{key}", $"\"{text}\" is not a whole number in {min}–{max}");
        return fallback;
    }

    public TimeSpan Duration(TopologyMapping mapping, string key, string path, TimeSpan fallback)
    {
        var text = Text(mapping, key, path);
        if (text is null) return fallback;
        if (DurationText.Reject(text, out var value) is { } why)
        {
            Error(mapping[key], $"{path}.{key}", $"\"{text}\" is not a duration ({why})");
            return fallback;
        }
        return value;
    }

    public T Enum<T>(TopologyMapping mapping, string key, string path, T fallback) where T : struct, Enum
    {
        var text = Text(mapping, key, path);
        if (text is null) return fallback;
        if (EnumText.TryParse(text, out T value)) return value;
        Error(mapping[key], $"{path}.{key}", $"\"{text}\" is not one of {string.Join(", ", System.Enum.GetNames<T>())}");
        return fallback;
    }

    public IReadOnlyList<string> TextList(TopologyMapping mapping, string key, string path)
    {
        var node = mapping[key];
        if (node is null or TopologyScalar { Value: null }) return [];
        if (node is not TopologySequence sequence)
        {
            Error(node, $"{path}.{key}", $"must be a list, not {node.Kind}");
            return [];
        }
        var list = new List<string>();
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (sequence.Items[i] is TopologyScalar { Value: { } v }) list.Add(v);
            else Error(sequence.Items[i], $"{path}.{key}[{i}]", "must be a value");
        }
        return list;
    }

    public IEnumerable<(string Key, TopologyMapping Value, string Path)> MappingEntries(TopologyMapping parent, string key, string path)
    {
        var node = parent[key];
        if (node is null or TopologyScalar { Value: null }) yield break;
        if (node is not TopologyMapping mapping)
        {
            Error(node, $"{path}.{key}", $"must be a mapping, not {node.Kind}");
            yield break;
        }
        foreach (var entry in mapping.Entries)
        {
            var entryPath = $"{path}.{key}.{entry.Key}";
            if (entry.Value is TopologyMapping value) yield return (entry.Key, value, entryPath);
            else if (entry.Value is not TopologyScalar { Value: null }) Error(entry.Value, entryPath, $"must be a mapping, not {entry.Value.Kind}");
        }
    }

    public IEnumerable<(TopologyMapping Value, string Path)> MappingItems(TopologyMapping parent, string key, string path)
    {
        var node = parent[key];
        if (node is null or TopologyScalar { Value: null }) yield break;
        if (node is not TopologySequence sequence)
        {
            Error(node, $"{path}.{key}", $"must be a list, not {node.Kind}");
            yield break;
        }
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (sequence.Items[i] is TopologyMapping item) yield return (item, $"{path}.{key}[{i}]");
            else Error(sequence.Items[i], $"{path}.{key}[{i}]", "must be a mapping");
        }
    }
}
