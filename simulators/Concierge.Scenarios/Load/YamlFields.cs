using System.Globalization;
using Concierge.Config.Durations;
using YamlDotNet.RepresentationModel;

namespace Concierge.Scenarios.Load;

/// <summary>
/// Typed reads from one YAML mapping of a load profile; every error names the file, the field's path and the value,
/// and unknown keys are rejected (a misspelt field would otherwise silently fall back to its default).
/// </summary>
internal sealed class YamlFields
{
    private readonly YamlMappingNode _map;
    private readonly string _file;
    private readonly string _path;

    public YamlFields(YamlMappingNode map, string file, string path)
    {
        _map = map;
        _file = file;
        _path = path;
    }

    /// <summary>Throws when the mapping has a key not in <paramref name="known"/>.</summary>
    public void AllowOnly(params string[] known)
    {
        foreach (var key in _map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? key.ToString();
            if (!known.Contains(name, StringComparer.Ordinal))
                throw Error(name, $"is not a field here (known: {string.Join(", ", known)})", null);
        }
    }

    public bool Has(string key) => _map.Children.ContainsKey(new YamlScalarNode(key));

    public YamlNode? Node(string key) => _map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public string FieldPath(string key) => _path.Length == 0 ? key : _path + "." + key;

    public FormatException Error(string key, string problem, string? value) =>
        new(value is null ? $"{_file}: {FieldPath(key)} {problem}" : $"{_file}: {FieldPath(key)}: \"{value}\" {problem}");

    public string? OptionalText(string key) => Node(key) switch
    {
        null => null,
        YamlScalarNode { Value: var v } => v ?? "",
        _ => throw Error(key, "must be a single value", null),
    };

    public string Text(string key) => OptionalText(key) ?? throw Error(key, "is missing", null);

    public int Whole(string key, int min, int max, int? fallback = null)
    {
        if (OptionalText(key) is not { } text) return fallback ?? throw Error(key, "is missing", null);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v : throw Error(key, $"is not a whole number from {min} to {max}", text);
    }

    public double Number(string key, double min, double max, double? fallback = null, string what = "number")
    {
        if (OptionalText(key) is not { } text) return fallback ?? throw Error(key, "is missing", null);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v : throw Error(key, $"is not a {what} from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}", text);
    }

    public TimeSpan Span(string key, TimeSpan? fallback = null, bool zeroAllowed = false)
    {
        if (OptionalText(key) is not { } text) return fallback ?? throw Error(key, "is missing", null);
        return DurationText.TryParse(text, out var v) && (v > TimeSpan.Zero || (zeroAllowed && v == TimeSpan.Zero))
            ? v : throw Error(key, zeroAllowed ? "is not a duration" : "is not a positive duration", text);
    }

    public IReadOnlyList<string> TextList(string key, bool required = false)
    {
        switch (Node(key))
        {
            case null when required: throw Error(key, "is missing", null);
            case null: return [];
            case YamlSequenceNode seq:
                return seq.Children.Select(n => n is YamlScalarNode { Value: { } v } ? v : throw Error(key, "must be a list of values", null)).ToList();
            case YamlScalarNode { Value: { } one }: return [one];
            default: throw Error(key, "must be a list of values", null);
        }
    }

    public YamlFields? Map(string key) => Node(key) switch
    {
        null => null,
        YamlMappingNode m => new YamlFields(m, _file, FieldPath(key)),
        _ => throw Error(key, "must be a mapping", null),
    };

    public IReadOnlyList<YamlFields> MapList(string key) => Node(key) switch
    {
        null => [],
        YamlSequenceNode seq => seq.Children.Select((n, i) => n is YamlMappingNode m
            ? new YamlFields(m, _file, $"{FieldPath(key)}[{i}]")
            : throw Error(key, $"[{i}] must be a mapping", null)).ToList(),
        _ => throw Error(key, "must be a list of mappings", null),
    };

    /// <summary>
    /// A duration distribution: `10 s` (constant), or a mapping { distribution: constant|exponential|lognormal|fixed|none,
    /// mean: 60 s, sigma: 0.5 }.
    /// </summary>
    public DurationDistribution Distribution(string key, DurationDistribution fallback)
    {
        var node = Node(key);
        if (node is null) return fallback;
        if (node is YamlScalarNode { Value: { } text })
        {
            if (text.Trim() is "none" or "never" or "infinite") return DurationDistribution.Never;
            return DurationDistribution.Fixed(Span(key));
        }
        var map = Map(key)!;
        map.AllowOnly("distribution", "mean", "sigma");
        var kindText = map.OptionalText("distribution") ?? "constant";
        var kind = kindText.Trim().ToLowerInvariant() switch
        {
            "constant" or "fixed" => DistributionKind.Constant,
            "exponential" => DistributionKind.Exponential,
            "lognormal" or "log-normal" => DistributionKind.LogNormal,
            "none" or "never" or "infinite" => DistributionKind.None,
            _ => throw map.Error("distribution", "is not constant, fixed, exponential, lognormal or none", kindText),
        };
        if (kind == DistributionKind.None) return DurationDistribution.Never;
        var mean = map.Span("mean");
        var sigma = kind == DistributionKind.LogNormal ? map.Number("sigma", 0.01, 5, 0.5) : 0;
        return new DurationDistribution(kind, mean, sigma);
    }
}
