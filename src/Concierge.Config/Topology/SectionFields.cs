using Concierge.Config.Validation;

namespace Concierge.Config.Topology;

/// <summary>
/// Reads typed fields out of a simulator section of a topology with the configuration's own <see cref="FieldReader"/>
/// (one grammar for numbers, flags, durations and enum values), each with a fallback when absent; errors name file,
/// line, field path and value.
/// </summary>
public sealed class SectionFields
{
    private readonly FieldReader _reader = new(new ProblemList(), new SourceMap());

    public IReadOnlyList<string> Errors => _reader.Problems.ToValueList().Select(p => p.ToString()).ToList();

    public void Error(TopologyNode? node, string path, string message) =>
        _reader.Problems.Add(new ConfigProblem(ProblemSeverity.Error, path, null, message, node?.Source));

    public void KnownKeys(TopologyMapping mapping, string path, params string[] known) => _reader.OnlyKnown(mapping, path, known);

    public string? Text(TopologyMapping mapping, string key, string path, bool required = false) =>
        _reader.Text(mapping, key, path, Child(path, key), required);

    public bool Bool(TopologyMapping mapping, string key, string path, bool fallback) =>
        _reader.Flag(mapping, key, path, Child(path, key), required: false) ?? fallback;

    public int Int(TopologyMapping mapping, string key, string path, int fallback, int min, int max)
    {
        if (_reader.Integer(mapping, key, path, Child(path, key), required: false) is not { } value) return fallback;
        if (value >= min && value <= max) return value;
        _reader.Error(Child(path, key), mapping[key] is TopologyScalar { Value: var text } ? text : null, $"is not a whole number in {min}–{max}", mapping[key]!.Source);
        return fallback;
    }

    public TimeSpan Duration(TopologyMapping mapping, string key, string path, TimeSpan fallback) =>
        _reader.Duration(mapping, key, path, Child(path, key), required: false) ?? fallback;

    public T Enum<T>(TopologyMapping mapping, string key, string path, T fallback) where T : struct, Enum =>
        _reader.Choice<T>(mapping, key, path, Child(path, key), required: false) ?? fallback;

    public IReadOnlyList<string> TextList(TopologyMapping mapping, string key, string path)
    {
        var node = mapping[key];
        if (node is null or TopologyScalar { Value: null }) return [];
        if (node is not TopologySequence sequence)
        {
            Error(node, Child(path, key), $"must be a list, not {node.Kind}");
            return [];
        }
        var list = new List<string>();
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (sequence.Items[i] is TopologyScalar { Value: { } v }) list.Add(v);
            else Error(sequence.Items[i], $"{Child(path, key)}[{i}]", "must be a value");
        }
        return list;
    }

    public IEnumerable<(string Key, TopologyMapping Value, string Path)> MappingEntries(TopologyMapping parent, string key, string path)
    {
        var node = parent[key];
        if (node is null or TopologyScalar { Value: null }) yield break;
        if (node is not TopologyMapping mapping)
        {
            Error(node, Child(path, key), $"must be a mapping, not {node.Kind}");
            yield break;
        }
        foreach (var entry in mapping.Entries)
        {
            var entryPath = Child(Child(path, key), entry.Key);
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
            Error(node, Child(path, key), $"must be a list, not {node.Kind}");
            yield break;
        }
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (sequence.Items[i] is TopologyMapping item) yield return (item, $"{Child(path, key)}[{i}]");
            else Error(sequence.Items[i], $"{Child(path, key)}[{i}]", "must be a mapping");
        }
    }

    private static string Child(string path, string key) => YamlPath.Child(path, key);
}
