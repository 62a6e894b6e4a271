using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Concierge.Config.Topology;

/// <summary>Writes a merged <see cref="TopologyNode"/> tree back as YAML text (every scalar double-quoted, nulls as ~).</summary>
public static class TopologyYamlWriter
{
    /// <summary>The node as a YAML document.</summary>
    public static string Write(TopologyNode node)
    {
        var stream = new YamlStream(new YamlDocument(ToYaml(node)));
        using var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static YamlNode ToYaml(TopologyNode node) => node switch
    {
        TopologyScalar { Value: null } => new YamlScalarNode("~") { Style = ScalarStyle.Plain },
        TopologyScalar s => new YamlScalarNode(s.Value) { Style = ScalarStyle.DoubleQuoted },
        TopologySequence seq => new YamlSequenceNode(seq.Items.Select(ToYaml)),
        TopologyMapping map => new YamlMappingNode(map.Entries.Select(e =>
            new KeyValuePair<YamlNode, YamlNode>(new YamlScalarNode(e.Key) { Style = ScalarStyle.DoubleQuoted }, ToYaml(e.Value)))),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };
}
