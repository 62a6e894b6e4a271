using Concierge.Scenarios.Channels;
using Concierge.Scenarios.Values;

namespace Concierge.Scenarios.Topologies;

/// <summary>
/// What the step layer needs to know about a loaded topology: its PBX, host names, known device numbers (for aliases),
/// tenants and channel settings. <see cref="Configuration"/> carries the full configuration model for system factories.
/// </summary>
public sealed record TopologyInfo(
    string Name,
    string FilePath,
    PbxKind Pbx,
    IReadOnlyList<string> Hosts,
    IReadOnlyList<string> Numbers,
    IReadOnlyList<string> Tenants,
    ChannelSettings? Channels,
    int MaximumChannels,
    object? Configuration)
{
    /// <summary>Aliases the topology declares explicitly (`alias: "7580"` under a number); others are the last digits.</summary>
    public IReadOnlyDictionary<string, string> Aliases { get; init; } = new Dictionary<string, string>();

    /// <summary>The IP address of each host (`network.hosts`).</summary>
    public IReadOnlyDictionary<string, string> HostAddresses { get; init; } = new Dictionary<string, string>();

    /// <summary>The profile of every link unless a step or fault profile changes it (`network.links.default`), or null for a quiet LAN.</summary>
    public Faults.LinkFaults? DefaultLink { get; init; }

    /// <summary>Links with their own profile (`network.links.&lt;a&gt;-&lt;b&gt;`), applied over the default.</summary>
    public IReadOnlyList<(string HostA, string HostB, Faults.LinkFaults Faults)> Links { get; init; } = [];

    /// <summary>The simulator a step needs to drive this topology's PBX, for pending messages.</summary>
    public string PbxSimulator => Pbx switch
    {
        PbxKind.Os4000 => "the OpenScape 4000 simulator",
        PbxKind.OpenScapeBusiness => "the OpenScape Business simulator",
        _ => "the OSV simulator",
    };

    /// <summary>
    /// The full number of <paramref name="device"/>: a full number stands for itself; an alias is the last digits of
    /// exactly one known number. Throws <see cref="FormatException"/> when an alias is unknown or not unique.
    /// </summary>
    public string Resolve(DeviceRef device)
    {
        if (device.IsFullNumber) return device.Text;
        if (Aliases.TryGetValue(device.Text, out var declared)) return declared;
        var matches = Numbers.Where(n => n.EndsWith(device.Text, StringComparison.Ordinal)).Distinct().ToArray();
        return matches.Length switch
        {
            1 => matches[0],
            0 => throw new FormatException($"\"{device.Text}\" is not an alias of any device of topology {Name}"),
            _ => throw new FormatException($"alias \"{device.Text}\" is ambiguous in topology {Name}: {string.Join(", ", matches.Take(5))}"),
        };
    }

    /// <summary>Checks that <paramref name="host"/> is a host of this topology.</summary>
    public string RequireHost(string host) =>
        Hosts.Contains(host, StringComparer.Ordinal) ? host : throw new FormatException($"\"{host}\" is not a host of topology {Name} (hosts: {string.Join(", ", Hosts)})");
}
