using System.Globalization;
using Concierge.Config.Durations;
using Concierge.Config.Numbers;
using Concierge.Config.Validation;

namespace Concierge.Config.Topology;

/// <summary>
/// Reads typed fields out of a <see cref="TopologyMapping"/>, reporting each bad or missing field with its file path,
/// line and value, and recording in a <see cref="SourceMap"/> where every model field came from.
/// </summary>
public sealed class FieldReader(ProblemList problems, SourceMap map)
{
    /// <summary>The problems found so far.</summary>
    public ProblemList Problems { get; } = problems;

    /// <summary>Where model fields came from.</summary>
    public SourceMap Map { get; } = map;

    /// <summary>Reports an error at a node.</summary>
    public void Error(string yamlPath, string? value, string message, SourceLocation at) =>
        Problems.Add(new ConfigProblem(ProblemSeverity.Error, yamlPath, value, message, at));

    /// <summary>Reports every key of <paramref name="node"/> not in <paramref name="known"/>.</summary>
    public void OnlyKnown(TopologyMapping node, string yamlPath, params string[] known)
    {
        foreach (var entry in node.Entries)
        {
            if (!known.Contains(entry.Key, StringComparer.Ordinal))
            {
                var near = known.FirstOrDefault(k => string.Equals(k, entry.Key, StringComparison.OrdinalIgnoreCase));
                var hint = near is not null ? $"did you mean \"{near}\"?" : "known: " + string.Join(", ", known);
                Error(YamlPath.Child(yamlPath, entry.Key), null, $"is not a known field ({hint})", entry.KeySource);
            }
        }
    }

    /// <summary>The mapping under <paramref name="key"/>; reports a missing (when required) or wrongly shaped one.</summary>
    public TopologyMapping? Mapping(TopologyMapping node, string key, string yamlPath, string modelPath, bool required)
    {
        var value = Locate(node, key, yamlPath, modelPath, required, out var path);
        if (value is null)
        {
            return null;
        }
        if (value is TopologyMapping mapping)
        {
            return mapping;
        }
        Error(path, Show(value), $"must be a mapping, not {value.Kind}", value.Source);
        return null;
    }

    /// <summary>Text under <paramref name="key"/>.</summary>
    public string? Text(TopologyMapping node, string key, string yamlPath, string modelPath, bool required)
    {
        var value = Locate(node, key, yamlPath, modelPath, required, out var path);
        if (value is null)
        {
            return null;
        }
        if (value is TopologyScalar scalar)
        {
            return scalar.Value;
        }
        Error(path, null, $"must be a value, not {value.Kind}", value.Source);
        return null;
    }

    /// <summary>An E.164 number with '+'.</summary>
    public E164Number? Number(TopologyMapping node, string key, string yamlPath, string modelPath, bool required)
    {
        var text = Text(node, key, yamlPath, modelPath, required);
        if (text is null)
        {
            return null;
        }
        if (E164Number.Reject(text) is { } reason)
        {
            Error(YamlPath.Child(yamlPath, key), text, reason, node[key]!.Source);
            return null;
        }
        return E164Number.Parse(text);
    }

    /// <summary>A duration such as "30 s" or "500 ms".</summary>
    public TimeSpan? Duration(TopologyMapping node, string key, string yamlPath, string modelPath, bool required)
    {
        var text = Text(node, key, yamlPath, modelPath, required);
        if (text is null)
        {
            return null;
        }
        if (text.TrimStart().StartsWith('-'))
        {
            Error(YamlPath.Child(yamlPath, key), text, "is not a duration (negative)", node[key]!.Source);
            return null;
        }
        if (DurationText.Reject(text, out var duration) is { } reason)
        {
            Error(YamlPath.Child(yamlPath, key), text, reason, node[key]!.Source);
            return null;
        }
        return duration;
    }

    /// <summary>A whole number.</summary>
    public int? Integer(TopologyMapping node, string key, string yamlPath, string modelPath, bool required)
    {
        var text = Text(node, key, yamlPath, modelPath, required);
        if (text is null)
        {
            return null;
        }
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Error(YamlPath.Child(yamlPath, key), text, "is not a whole number", node[key]!.Source);
            return null;
        }
        return value;
    }

    /// <summary>true or false.</summary>
    public bool? Flag(TopologyMapping node, string key, string yamlPath, string modelPath, bool required)
    {
        var text = Text(node, key, yamlPath, modelPath, required);
        switch (text)
        {
            case null:
                return null;
            case "true" or "True" or "TRUE" or "yes" or "on":
                return true;
            case "false" or "False" or "FALSE" or "no" or "off":
                return false;
            default:
                Error(YamlPath.Child(yamlPath, key), text, "is not true or false", node[key]!.Source);
                return null;
        }
    }

    /// <summary>One of an enum's values, written loosely ("pick only").</summary>
    public T? Choice<T>(TopologyMapping node, string key, string yamlPath, string modelPath, bool required, params (string, T)[] extra)
        where T : struct, Enum
    {
        var text = Text(node, key, yamlPath, modelPath, required);
        if (text is null)
        {
            return null;
        }
        if (EnumText.TryParse(text, out T value, extra))
        {
            return value;
        }
        Error(YamlPath.Child(yamlPath, key), text, $"is not one of: {EnumText.Known<T>()}", node[key]!.Source);
        return null;
    }

    /// <summary>A number range written <c>{ first: "+…", last: "+…" }</c>.</summary>
    public NumberRange? Range(TopologyMapping node, string key, string yamlPath, string modelPath, bool required)
    {
        var range = Mapping(node, key, yamlPath, modelPath, required);
        if (range is null)
        {
            return null;
        }
        var path = YamlPath.Child(yamlPath, key);
        OnlyKnown(range, path, "first", "last");
        var first = Number(range, "first", path, modelPath + ".first", required: true);
        var last = Number(range, "last", path, modelPath + ".last", required: true);
        return first is { } f && last is { } l ? new NumberRange(f, l) : null;
    }

    private TopologyNode? Locate(TopologyMapping node, string key, string yamlPath, string modelPath, bool required, out string path)
    {
        path = YamlPath.Child(yamlPath, key);
        var value = node[key];
        Map.Bind(modelPath, path, value?.Source ?? node.Source, (value as TopologyScalar)?.Value);
        if (value is null || value is TopologyScalar { Value: null })
        {
            if (required)
            {
                Error(path, null, "is missing", node.Source);
            }
            return null;
        }
        return value;
    }

    private static string? Show(TopologyNode node) => (node as TopologyScalar)?.Value;
}
