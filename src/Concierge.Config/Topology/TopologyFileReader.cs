using Concierge.Config.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Concierge.Config.Topology;

/// <summary>Reads one YAML file into <see cref="TopologyNode"/>s with file and line, reporting syntax errors as problems.</summary>
public static class TopologyFileReader
{
    /// <summary>The most nested levels accepted, so a hostile file cannot exhaust the stack.</summary>
    public const int MaxDepth = 64;

    /// <summary>The most nodes a file may expand to (YAML aliases included), so an alias bomb cannot exhaust memory.</summary>
    public const int MaxNodes = 200_000;

    /// <summary>Parses <paramref name="yaml"/>; <paramref name="fileName"/> is used in locations. Null when the text is not usable.</summary>
    public static TopologyMapping? Read(string yaml, string fileName, ProblemList problems)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            var at = new SourceLocation(fileName, (int)e.Start.Line, (int)e.Start.Column);
            problems.Add(new ConfigProblem(ProblemSeverity.Error, "(file)", null, "is not valid YAML: " + Inner(e), at));
            return null;
        }
        var start = new SourceLocation(fileName, 1, 1);
        if (stream.Documents.Count == 0)
        {
            return new TopologyMapping([], start);
        }
        if (stream.Documents.Count > 1)
        {
            problems.Add(new ConfigProblem(ProblemSeverity.Error, "(file)", null, "holds more than one YAML document", start));
            return null;
        }
        var root = stream.Documents[0].RootNode;
        var budget = new NodeBudget();
        var converted = Convert(root, fileName, "", 0, budget, problems);
        if (budget.Exceeded)
        {
            problems.Add(new ConfigProblem(ProblemSeverity.Error, "(file)", null, $"expands to more than {MaxNodes} nodes (check YAML aliases)", start));
            return null;
        }
        if (converted is TopologyMapping mapping)
        {
            return mapping;
        }
        if (converted is TopologyScalar { Value: null })
        {
            return new TopologyMapping([], start);
        }
        problems.Add(new ConfigProblem(ProblemSeverity.Error, "(file)", null, "must be a mapping of sections (concierge:, osv:, …)", Where(root, fileName)));
        return null;
    }

    private sealed class NodeBudget
    {
        public int Used;

        public bool Exceeded => Used > MaxNodes;
    }

    private static TopologyNode? Convert(YamlNode node, string file, string path, int depth, NodeBudget budget, ProblemList problems)
    {
        if (++budget.Used > MaxNodes)
        {
            return null;
        }
        var at = Where(node, file);
        if (depth > MaxDepth)
        {
            problems.Add(new ConfigProblem(ProblemSeverity.Error, Path(path), null, $"nests deeper than {MaxDepth} levels", at));
            return null;
        }
        switch (node)
        {
            case YamlScalarNode scalar:
                return new TopologyScalar(IsNull(scalar) ? null : scalar.Value, at);
            case YamlSequenceNode sequence:
            {
                var items = new List<TopologyNode>();
                var index = 0;
                foreach (var item in sequence.Children)
                {
                    var converted = Convert(item, file, $"{path}[{index++}]", depth + 1, budget, problems);
                    if (converted is not null)
                    {
                        items.Add(converted);
                    }
                }
                return new TopologySequence(items, at);
            }
            case YamlMappingNode mapping:
            {
                var entries = new List<TopologyEntry>();
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    if (keyNode is not YamlScalarNode { Value: { } key } || IsNull((YamlScalarNode)keyNode))
                    {
                        problems.Add(new ConfigProblem(ProblemSeverity.Error, Path(path), null, "has a key that is not plain text", Where(keyNode, file)));
                        continue;
                    }
                    var childPath = path.Length == 0 ? key : $"{path}.{key}";
                    var value = Convert(valueNode, file, childPath, depth + 1, budget, problems);
                    if (value is not null)
                    {
                        entries.Add(new TopologyEntry(key, Where(keyNode, file), value));
                    }
                }
                return new TopologyMapping(entries, at, Tag(mapping) == TopologyMapping.ReplaceTag);
            }
            default:
                problems.Add(new ConfigProblem(ProblemSeverity.Error, Path(path), null, "is an unsupported YAML node", at));
                return null;
        }
    }

    private static string? Tag(YamlNode node) => node.Tag.IsEmpty ? null : node.Tag.Value;

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style is ScalarStyle.Plain or ScalarStyle.Any
        && (scalar.Value is null || scalar.Value.Length == 0 || scalar.Value is "~" or "null" or "Null" or "NULL");

    private static SourceLocation Where(YamlNode node, string file) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    private static string Path(string path) => path.Length == 0 ? "(file)" : path;

    private static string Inner(YamlException e)
    {
        var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
        var paren = message.IndexOf("):", StringComparison.Ordinal);
        return (paren >= 0 && message.StartsWith('(') ? message[(paren + 2)..] : message).Trim();
    }
}
