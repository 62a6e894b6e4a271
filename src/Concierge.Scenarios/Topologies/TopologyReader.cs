using System.Text.RegularExpressions;
using Concierge.Config.Model;
using Concierge.Config.Topology;
using Concierge.Scenarios.Channels;

namespace Concierge.Scenarios.Topologies;

/// <summary>
/// Loads a topology through Concierge.Config (extends chain, validation) and extracts what the step layer needs:
/// PBX family, host names (`network.hosts`), every full number in the merged tree, explicit aliases, tenants, channels.
/// </summary>
public static partial class TopologyReader
{
    /// <summary>Most tree nodes visited when collecting numbers, so a hostile file cannot loop the reader.</summary>
    public const int MaxNodes = 200_000;

    [GeneratedRegex(@"^\+\d{6,15}$")]
    private static partial Regex FullNumber();

    /// <summary>Reads topology <paramref name="name"/> from the folder of <paramref name="path"/>.</summary>
    public static TopologyInfo Read(string name, string path, string repositoryRoot)
    {
        var document = TopologyLoader.FromDirectory(Path.GetDirectoryName(path)!).Load(name);
        if (!document.IsValid)
            throw new FormatException($"topology \"{name}\" has errors: {string.Join("; ", document.Errors.Take(5))}");
        var numbers = new SortedSet<string>(StringComparer.Ordinal);
        var aliases = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var budget = MaxNodes;
        Collect(document.Root, null, numbers, aliases, ref budget);
        var hosts = document.Section("network")?.Mapping("hosts")?.Keys.Order(StringComparer.Ordinal).ToArray() ?? [];
        var config = document.Concierge;
        var pbx = config is null
            ? (document.Section("osbiz") is not null ? PbxKind.OpenScapeBusiness : PbxKind.Osv)
            : config.Pbx == PbxType.Os4000 ? PbxKind.Os4000 : PbxKind.Osv;
        var channels = config is null ? null : new ChannelSettings(config.Cps.Channels, config.Cps.ChannelRatio);
        var maximum = CpsSettings.MaximumChannels(pbx == PbxKind.Os4000 ? PbxType.Os4000 : PbxType.Osv);
        return new TopologyInfo(name, Path.GetRelativePath(repositoryRoot, path).Replace('\\', '/'), pbx, hosts, numbers.ToArray(),
            config?.Tenants.Select(t => t.Name).ToArray() ?? [], channels, maximum, document)
        {
            Aliases = aliases,
        };
    }

    private static void Collect(TopologyNode node, string? key, SortedSet<string> numbers, SortedDictionary<string, string> aliases, ref int budget)
    {
        if (--budget < 0) throw new FormatException($"topology has more than {MaxNodes} nodes");
        switch (node)
        {
            case TopologyScalar { Value: { } value } when FullNumber().IsMatch(value):
                numbers.Add(value);
                break;
            case TopologySequence sequence:
                foreach (var item in sequence.Items) Collect(item, key, numbers, aliases, ref budget);
                break;
            case TopologyMapping mapping:
                if (key is not null && FullNumber().IsMatch(key) && mapping.Text("alias") is { } alias) aliases.TryAdd(alias, key);
                foreach (var entry in mapping.Entries)
                {
                    if (FullNumber().IsMatch(entry.Key)) numbers.Add(entry.Key);
                    Collect(entry.Value, entry.Key, numbers, aliases, ref budget);
                }
                break;
        }
    }
}
