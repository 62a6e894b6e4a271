using Concierge.Config.Durations;
using System.Text.RegularExpressions;
using Concierge.Config.Model;
using Concierge.Config.Topology;
using Concierge.Scenarios.Channels;
using Concierge.Scenarios.Faults;
using Concierge.Scenarios.Values;

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
        var hostMap = document.Section("network")?.Mapping("hosts");
        var hosts = hostMap?.Keys.Order(StringComparer.Ordinal).ToArray() ?? [];
        var addresses = hostMap?.Entries.Where(e => e.Value is TopologyScalar { Value: not null })
            .ToDictionary(e => e.Key, e => ((TopologyScalar)e.Value).Value!, StringComparer.Ordinal) ?? [];
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
            HostAddresses = addresses,
            DefaultLink = document.Section("network")?.Mapping("links")?.Mapping("default") is { } link ? ReadLink(link, name) : null,
            Links = ReadLinks(document.Section("network")?.Mapping("links"), hosts, name),
        };
    }

    private static IReadOnlyList<(string, string, LinkFaults)> ReadLinks(TopologyMapping? links, IReadOnlyList<string> hosts, string topology)
    {
        var result = new List<(string, string, LinkFaults)>();
        foreach (var entry in links?.Entries ?? [])
        {
            if (entry.Key == "default" || entry.Value is not TopologyMapping profile) continue;
            var split = Enumerable.Range(1, Math.Max(0, entry.Key.Length - 1))
                .Where(i => entry.Key[i] == '-' && hosts.Contains(entry.Key[..i]) && hosts.Contains(entry.Key[(i + 1)..]))
                .Select(i => (entry.Key[..i], entry.Key[(i + 1)..]))
                .ToArray();
            if (split.Length != 1) throw new FormatException($"topology {topology}: network.links.{entry.Key} does not name two hosts as <a>-<b>");
            result.Add((split[0].Item1, split[0].Item2, ReadLink(profile, topology)));
        }
        return result;
    }

    private static LinkFaults ReadLink(TopologyMapping link, string topology)
    {
        TimeSpan Duration(string key) => link.Text(key) is { } text ? DurationText.Parse(text) : TimeSpan.Zero;
        double Percent(string key)
        {
            if (link.Text(key) is not { } text) return 0;
            return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 100
                ? value
                : throw new FormatException($"topology {topology}: network.links.default.{key} '{text}' is not a percentage");
        }
        return new LinkFaults(Duration("latency"), Duration("jitter"), Percent("lossPercent"), Percent("duplicatePercent"), Percent("reorderPercent"));
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
