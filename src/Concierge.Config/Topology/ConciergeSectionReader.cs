using Concierge.Runtime.Collections;
using Concierge.Config.Model;
using Concierge.Config.Numbers;

namespace Concierge.Config.Topology;

/// <summary>
/// Turns the merged <c>concierge:</c> section of a topology into a <see cref="ConciergeConfig"/>. Every problem is
/// reported (file, line, field, value); the result is null when a required part could not be read.
/// </summary>
public sealed partial class ConciergeSectionReader(FieldReader fields)
{
    /// <summary>The section's own path in a topology file.</summary>
    public const string SectionName = "concierge";

    /// <summary>Reads the section.</summary>
    public ConciergeConfig? Read(TopologyMapping section)
    {
        const string p = SectionName;
        fields.OnlyKnown(section, p, "edition", "pbx", "cps", "ranges", "tenants", "announcements", "nightVariants", "ddiEntries", "attendants", "standby", "busyLamps", "pabxRouting");
        var edition = fields.Choice<Edition>(section, "edition", p, "edition", required: false) ?? Edition.Professional;
        var pbx = fields.Choice(section, "pbx", p, "pbx", required: true, ("OpenScape Voice", PbxType.Osv), ("OS4K", PbxType.Os4000), ("OpenScape 4000", PbxType.Os4000));
        var cps = ReadCps(section, p);
        var ranges = ReadRanges(section, p);
        var tenants = Keyed(section, "tenants", p, "tenants", ReadTenant);
        var announcements = Keyed(section, "announcements", p, "announcements", ReadAnnouncement);
        var variants = Keyed(section, "nightVariants", p, "nightVariants", ReadVariant);
        var ddi = Keyed(section, "ddiEntries", p, "ddiEntries", ReadDdiEntry);
        var attendants = Keyed(section, "attendants", p, "attendants", ReadAttendant);
        var busyLamps = fields.Range(section, "busyLamps", p, "busyLamps", required: false);
        var routingNode = fields.Mapping(section, "pabxRouting", p, "pabxRouting", required: false);
        var routingBad = false;
        var routing = routingNode is null ? null : ReadPabxRouting(routingNode, YamlPath.Child(p, "pabxRouting"), out routingBad);
        var standbyNode = fields.Mapping(section, "standby", p, "standby", required: false);
        var standby = standbyNode is null ? null : ReadStandby(standbyNode, YamlPath.Child(p, "standby"));
        if (pbx is null || cps is null || ranges is null || tenants is null || announcements is null
            || variants is null || ddi is null || attendants is null || (standbyNode is not null && standby is null) || routingBad)
        {
            return null;
        }
        return new ConciergeConfig(edition, pbx.Value, cps, ranges, tenants, ddi, variants, announcements, attendants, standby) { BusyLamps = busyLamps, PabxRouting = routing };
    }

    private E164Number? Key(string key, TopologyMapping node, string yamlPath, string modelPath)
    {
        fields.Map.Bind(modelPath, yamlPath, node.Source, key);
        if (E164Number.Reject(key) is { } reason)
        {
            fields.Error(yamlPath, key, reason, node.Source);
            return null;
        }
        return E164Number.Parse(key);
    }

    private delegate T? EntryReader<T>(string key, TopologyMapping node, string yamlPath, string modelPath) where T : class;

    private ValueList<T>? Keyed<T>(TopologyMapping section, string key, string parent, string model, EntryReader<T> read) where T : class
    {
        var node = fields.Mapping(section, key, parent, model, required: false);
        if (node is null)
        {
            return section[key] is null or TopologyScalar { Value: null } ? ValueList<T>.Empty : null;
        }
        var path = YamlPath.Child(parent, key);
        var items = new List<T>();
        var ok = true;
        foreach (var entry in node.Entries)
        {
            var entryPath = YamlPath.Child(path, entry.Key);
            var entryModel = YamlPath.Item(model, items.Count);
            fields.Map.Bind(entryModel, entryPath, entry.KeySource);
            fields.Map.Bind(entryModel + ".name", entryPath, entry.KeySource, entry.Key);
            if (entry.Value is not TopologyMapping mapping)
            {
                fields.Error(entryPath, (entry.Value as TopologyScalar)?.Value, $"must be a mapping of fields, not {entry.Value.Kind}", entry.Value.Source);
                ok = false;
                continue;
            }
            var item = read(entry.Key, mapping, entryPath, entryModel);
            if (item is null)
            {
                ok = false;
                continue;
            }
            items.Add(item);
        }
        return ok ? items.ToValueList() : null;
    }
}
