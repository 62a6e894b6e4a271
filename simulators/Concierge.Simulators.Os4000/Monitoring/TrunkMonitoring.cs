using Concierge.Simulators.Os4000.Configuration;
using Concierge.Simulators.Osv.Switching;

namespace Concierge.Simulators.Os4000.Monitoring;

/// <summary>Which monitoring table a trunk group belongs in.</summary>
public enum TrunkKind
{
    /// <summary>An OS4K trunk group (public network): "OS4K Trunk monitoring" (C 8.9).</summary>
    Os4k,
    /// <summary>The IP/SIP trunk group to the CPS (STMI): "CPS Trunk Monitoring" (C 8.10).</summary>
    Cps,
}

/// <summary>
/// A trunk group as the ConfigSync import reads it from the switch: number, name, its line range (LODEN, as trunk
/// numbers From…To, one per B channel) and the B channels seized now.
/// </summary>
public sealed record TrunkGroupRow(string Site, int TrunkGroup, string Name, TrunkKind Kind, int From, int To, int ChannelsInUse, string Comment)
{
    /// <summary>Lines (B channels) of the group.</summary>
    public int Channels => To - From + 1;
}

/// <summary>
/// The trunk groups of the node for the Data Center's "Import Trunk groups" (C 5.6, 5.7, 8.9, 8.10): the public
/// trunk group for OS4K trunk monitoring, the STMI trunk group for CPS trunk monitoring. Trunk numbers are the trunk
/// group number times 1000 plus the line (B channel) 1…n; the live seizure count comes from the switch.
/// </summary>
public sealed class TrunkMonitoring(Os4000Config config, OsvSwitch switching)
{
    /// <summary>Trunk numbers of a group start at its number times this.</summary>
    public const int LinesPerGroup = 1000;

    /// <summary>Every trunk group the import offers, public first.</summary>
    public IReadOnlyList<TrunkGroupRow> TrunkGroups
    {
        get
        {
            var rows = new List<TrunkGroupRow>();
            if (config.PublicTrunk is { } pstn)
            {
                var inUse = switching.ChannelsInUse(pstn.Name);
                rows.Add(Row(pstn.TrunkGroup, pstn.Name, TrunkKind.Os4k, switching.EndpointChannels(pstn.Name) ?? pstn.Channels, inUse, "public network"));
            }
            var stmi = Lcr.LcrRouter.TrunkEndpoint(config.Stmi.TrunkGroup);
            rows.Add(Row(config.Stmi.TrunkGroup, "CPS", TrunkKind.Cps, switching.EndpointChannels(stmi) ?? config.Stmi.Channels,
                switching.ChannelsInUse(stmi), "STMI SIP trunk to the CPS"));
            return rows;
        }
    }

    /// <summary>The OS4K trunk monitoring table (C 8.9).</summary>
    public IReadOnlyList<TrunkGroupRow> Os4kTable => TrunkGroups.Where(r => r.Kind == TrunkKind.Os4k).ToList();

    /// <summary>The CPS trunk monitoring table (C 8.10).</summary>
    public IReadOnlyList<TrunkGroupRow> CpsTable => TrunkGroups.Where(r => r.Kind == TrunkKind.Cps).ToList();

    /// <summary>The row whose trunk number range holds <paramref name="trunkNumber"/>, or null.</summary>
    public TrunkGroupRow? RowOf(int trunkNumber) => TrunkGroups.FirstOrDefault(r => trunkNumber >= r.From && trunkNumber <= r.To);

    private TrunkGroupRow Row(int group, string name, TrunkKind kind, int channels, int inUse, string comment) =>
        new(config.Host, group, name, kind, group * LinesPerGroup + 1, group * LinesPerGroup + channels, inUse, comment);
}
