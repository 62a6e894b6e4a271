using Concierge.Config.Collections;
using Concierge.Config.Model;
using Concierge.Config.Numbers;

namespace Concierge.Config.Topology;

/// <summary>
/// Turns the merged <c>concierge:</c> section of a topology into a <see cref="ConciergeConfig"/>. Every problem is
/// reported (file, line, field, value); the result is null when a required part could not be read.
/// </summary>
public sealed class ConciergeSectionReader(FieldReader fields)
{
    /// <summary>The section's own path in a topology file.</summary>
    public const string SectionName = "concierge";

    /// <summary>Reads the section.</summary>
    public ConciergeConfig? Read(TopologyMapping section)
    {
        const string p = SectionName;
        fields.OnlyKnown(section, p, "edition", "pbx", "cps", "ranges", "tenants", "announcements", "nightVariants", "ddiEntries", "attendants", "standby");
        var edition = fields.Choice<Edition>(section, "edition", p, "edition", required: false) ?? Edition.Professional;
        var pbx = fields.Choice(section, "pbx", p, "pbx", required: true, ("OpenScape Voice", PbxType.Osv), ("OS4K", PbxType.Os4000), ("OpenScape 4000", PbxType.Os4000));
        var cps = ReadCps(section, p);
        var ranges = ReadRanges(section, p);
        var tenants = Keyed(section, "tenants", p, "tenants", ReadTenant);
        var announcements = Keyed(section, "announcements", p, "announcements", ReadAnnouncement);
        var variants = Keyed(section, "nightVariants", p, "nightVariants", ReadVariant);
        var ddi = Keyed(section, "ddiEntries", p, "ddiEntries", ReadDdiEntry);
        var attendants = Keyed(section, "attendants", p, "attendants", ReadAttendant);
        var standbyNode = fields.Mapping(section, "standby", p, "standby", required: false);
        var standby = standbyNode is null ? null : ReadStandby(standbyNode, YamlPath.Child(p, "standby"));
        if (pbx is null || cps is null || ranges is null || tenants is null || announcements is null
            || variants is null || ddi is null || attendants is null || (standbyNode is not null && standby is null))
        {
            return null;
        }
        return new ConciergeConfig(edition, pbx.Value, cps, ranges, tenants, ddi, variants, announcements, attendants, standby);
    }

    private CpsSettings? ReadCps(TopologyMapping section, string parent)
    {
        var node = fields.Mapping(section, "cps", parent, "cps", required: true);
        if (node is null)
        {
            return null;
        }
        var p = YamlPath.Child(parent, "cps");
        fields.OnlyKnown(node, p, "host", "registerId", "registrarHost", "registrarPort", "registerInterval", "channels", "channelRatio", "rtpStartPort", "rtpPortCount");
        var host = fields.Text(node, "host", p, "cps.host", required: true);
        var registerId = fields.Text(node, "registerId", p, "cps.registerId", required: false) ?? "";
        var registrar = fields.Text(node, "registrarHost", p, "cps.registrarHost", required: true);
        var port = fields.Integer(node, "registrarPort", p, "cps.registrarPort", required: false) ?? CpsSettings.DefaultRegistrarPort;
        var interval = fields.Duration(node, "registerInterval", p, "cps.registerInterval", required: false);
        var intervalMissing = node["registerInterval"] is not null && interval is null;
        var channels = fields.Integer(node, "channels", p, "cps.channels", required: true);
        var ratio = fields.Integer(node, "channelRatio", p, "cps.channelRatio", required: true);
        var rtpStart = fields.Integer(node, "rtpStartPort", p, "cps.rtpStartPort", required: false) ?? DefaultRtpStartPort;
        var rtpCount = fields.Integer(node, "rtpPortCount", p, "cps.rtpPortCount", required: false) ?? DefaultRtpPortCount;
        if (host is null || registrar is null || channels is null || ratio is null || intervalMissing)
        {
            return null;
        }
        return new CpsSettings(host, registerId, registrar, port, interval ?? CpsSettings.RecommendedRegisterInterval,
            channels.Value, ratio.Value, rtpStart, rtpCount);
    }

    /// <summary>RTP start port when a topology gives none.</summary>
    public const int DefaultRtpStartPort = 40000;

    /// <summary>RTP port count when a topology gives none (two ports for each of 250 channels).</summary>
    public const int DefaultRtpPortCount = 500;

    private CpsNumberRanges? ReadRanges(TopologyMapping section, string parent)
    {
        var node = fields.Mapping(section, "ranges", parent, "ranges", required: true);
        if (node is null)
        {
            return null;
        }
        var p = YamlPath.Child(parent, "ranges");
        fields.OnlyKnown(node, p, "pilot", "personalLines", "loop", "request", "callback");
        var pilot = fields.Range(node, "pilot", p, "ranges.pilot", required: false);
        var pilotBad = node["pilot"] is TopologyMapping && pilot is null;
        var personal = fields.Range(node, "personalLines", p, "ranges.personalLines", required: true);
        var loop = fields.Number(node, "loop", p, "ranges.loop", required: false);
        var loopBad = node["loop"] is TopologyScalar { Value: not null } && loop is null;
        var request = fields.Range(node, "request", p, "ranges.request", required: true);
        var callback = fields.Range(node, "callback", p, "ranges.callback", required: true);
        if (pilotBad || personal is null || loopBad || request is null || callback is null)
        {
            return null;
        }
        return new CpsNumberRanges(pilot, personal, loop, request, callback);
    }

    private Tenant? ReadTenant(string name, TopologyMapping node, string p, string m)
    {
        fields.OnlyKnown(node, p, "routingType", "times", "priorities", "paging", "announcements", "timeOverflowVariant");
        var routing = fields.Choice<RoutingType>(node, "routingType", p, m + ".routingType", required: false,
            ("automatic", RoutingType.AutomaticDistribution), ("only pick", RoutingType.PickOnly), ("pick", RoutingType.PickOnly))
            ?? RoutingType.AutomaticDistribution;
        var times = ReadTimes(node, p, m);
        var priorities = ReadPriorities(node, p, m);
        var paging = ReadPaging(node, p, m);
        var announcements = ReadTenantAnnouncements(name, node, p, m);
        var overflow = fields.Text(node, "timeOverflowVariant", p, m + ".timeOverflowVariant", required: false);
        if (times is null || priorities is null || paging is null || announcements is null)
        {
            return null;
        }
        return new Tenant(name, routing, times, priorities, paging, announcements, overflow);
    }

    private TenantTimes? ReadTimes(TopologyMapping tenant, string parent, string model)
    {
        var node = fields.Mapping(tenant, "times", parent, model + ".times", required: true);
        if (node is null)
        {
            return null;
        }
        var p = YamlPath.Child(parent, "times");
        var m = model + ".times";
        fields.OnlyKnown(node, p, "maxTransferTime", "maxTimeInIncomingQueue", "rnaTimeout", "ringTime");
        var transfer = fields.Duration(node, "maxTransferTime", p, m + ".maxTransferTime", required: true);
        var queue = fields.Duration(node, "maxTimeInIncomingQueue", p, m + ".maxTimeInIncomingQueue", required: true);
        var rna = fields.Duration(node, "rnaTimeout", p, m + ".rnaTimeout", required: true);
        var ring = fields.Duration(node, "ringTime", p, m + ".ringTime", required: true);
        return transfer is { } t && queue is { } q && rna is { } r && ring is { } g ? new TenantTimes(t, q, r, g) : null;
    }

    private TimeOverrides? ReadOverrides(TopologyMapping entry, string parent, string model)
    {
        var node = fields.Mapping(entry, "times", parent, model + ".times", required: false);
        if (node is null)
        {
            return entry["times"] is null or TopologyScalar { Value: null } ? TimeOverrides.None : null;
        }
        var p = YamlPath.Child(parent, "times");
        var m = model + ".times";
        fields.OnlyKnown(node, p, "maxTransferTime", "maxTimeInIncomingQueue", "rnaTimeout", "ringTime");
        var before = fields.Problems.Count;
        var overrides = new TimeOverrides(
            fields.Duration(node, "maxTransferTime", p, m + ".maxTransferTime", required: false),
            fields.Duration(node, "maxTimeInIncomingQueue", p, m + ".maxTimeInIncomingQueue", required: false),
            fields.Duration(node, "rnaTimeout", p, m + ".rnaTimeout", required: false),
            fields.Duration(node, "ringTime", p, m + ".ringTime", required: false));
        return fields.Problems.Count == before ? overrides : null;
    }

    private CallPriorities? ReadPriorities(TopologyMapping tenant, string parent, string model)
    {
        var node = fields.Mapping(tenant, "priorities", parent, model + ".priorities", required: false);
        if (node is null)
        {
            return tenant["priorities"] is null or TopologyScalar { Value: null } ? CallPriorities.Default : null;
        }
        var p = YamlPath.Child(parent, "priorities");
        var m = model + ".priorities";
        fields.OnlyKnown(node, p, "standard", "internal", "intercept", "personalLine", "recall");
        var d = CallPriorities.Default;
        var before = fields.Problems.Count;
        var priorities = new CallPriorities(
            fields.Integer(node, "standard", p, m + ".standard", required: false) ?? d.Standard,
            fields.Integer(node, "internal", p, m + ".internal", required: false) ?? d.Internal,
            fields.Integer(node, "intercept", p, m + ".intercept", required: false) ?? d.Intercept,
            fields.Integer(node, "personalLine", p, m + ".personalLine", required: false) ?? d.PersonalLine,
            fields.Integer(node, "recall", p, m + ".recall", required: false) ?? d.Recall);
        return fields.Problems.Count == before ? priorities : null;
    }

    private PagingSettings? ReadPaging(TopologyMapping tenant, string parent, string model)
    {
        var node = fields.Mapping(tenant, "paging", parent, model + ".paging", required: false);
        if (node is null)
        {
            return tenant["paging"] is null or TopologyScalar { Value: null } ? PagingSettings.Off : null;
        }
        var p = YamlPath.Child(parent, "paging");
        var m = model + ".paging";
        fields.OnlyKnown(node, p, "enabled", "announcement", "maxParkedCalls");
        var before = fields.Problems.Count;
        var paging = new PagingSettings(
            fields.Flag(node, "enabled", p, m + ".enabled", required: false) ?? true,
            fields.Text(node, "announcement", p, m + ".announcement", required: false),
            fields.Integer(node, "maxParkedCalls", p, m + ".maxParkedCalls", required: false) ?? 0);
        return fields.Problems.Count == before ? paging : null;
    }

    private TenantAnnouncements? ReadTenantAnnouncements(string tenant, TopologyMapping node, string parent, string model)
    {
        var defaults = new TenantAnnouncements(tenant + "-DefaultMoH", null, null, null);
        var a = fields.Mapping(node, "announcements", parent, model + ".announcements", required: false);
        if (a is null)
        {
            return node["announcements"] is null or TopologyScalar { Value: null } ? defaults : null;
        }
        var p = YamlPath.Child(parent, "announcements");
        var m = model + ".announcements";
        fields.OnlyKnown(a, p, "musicOnHold", "startAnnouncement", "numberNotInService", "notAvailable");
        return new TenantAnnouncements(
            fields.Text(a, "musicOnHold", p, m + ".musicOnHold", required: false) ?? defaults.MusicOnHold,
            fields.Text(a, "startAnnouncement", p, m + ".startAnnouncement", required: false),
            fields.Text(a, "numberNotInService", p, m + ".numberNotInService", required: false),
            fields.Text(a, "notAvailable", p, m + ".notAvailable", required: false));
    }

    private Announcement? ReadAnnouncement(string name, TopologyMapping node, string p, string m)
    {
        fields.OnlyKnown(node, p, "type", "tenant", "file", "duration", "loops");
        var type = fields.Choice<AnnouncementType>(node, "type", p, m + ".type", required: true, ("MoH", AnnouncementType.MusicOnHold));
        var tenant = fields.Text(node, "tenant", p, m + ".tenant", required: true);
        var file = fields.Text(node, "file", p, m + ".file", required: true);
        var before = fields.Problems.Count;
        var duration = fields.Duration(node, "duration", p, m + ".duration", required: false);
        var loops = fields.Flag(node, "loops", p, m + ".loops", required: false);
        if (type is null || tenant is null || file is null || fields.Problems.Count != before)
        {
            return null;
        }
        return new Announcement(name, type.Value, tenant, file, duration, loops ?? type == AnnouncementType.MusicOnHold);
    }

    private NightVariant? ReadVariant(string name, TopologyMapping node, string p, string m)
    {
        fields.OnlyKnown(node, p, "mode", "tenant", "announcement", "forwardingDestination");
        var mode = fields.Choice<VariantMode>(node, "mode", p, m + ".mode", required: true, ("forward", VariantMode.Forwarding));
        var tenant = fields.Text(node, "tenant", p, m + ".tenant", required: true);
        var announcement = fields.Text(node, "announcement", p, m + ".announcement", required: false);
        var before = fields.Problems.Count;
        var destination = fields.Number(node, "forwardingDestination", p, m + ".forwardingDestination", required: false);
        if (mode is null || tenant is null || fields.Problems.Count != before)
        {
            return null;
        }
        return new NightVariant(name, mode.Value, tenant, announcement, destination);
    }

    private DdiEntry? ReadDdiEntry(string key, TopologyMapping node, string p, string m)
    {
        fields.OnlyKnown(node, p, "tenant", "name", "purpose", "company", "times", "timeOverflowVariant", "nightVariant",
            "overload", "priority", "startAnnouncement", "musicOnHold", "oscc", "os4000Rcg");
        var pilot = Key(key, node, p, m + ".pilot");
        var tenant = fields.Text(node, "tenant", p, m + ".tenant", required: true);
        var name = fields.Text(node, "name", p, m + ".name", required: true);
        var purpose = fields.Text(node, "purpose", p, m + ".purpose", required: false) ?? name;
        var company = fields.Text(node, "company", p, m + ".company", required: false);
        var times = ReadOverrides(node, p, m);
        var overflow = fields.Text(node, "timeOverflowVariant", p, m + ".timeOverflowVariant", required: false);
        var night = fields.Text(node, "nightVariant", p, m + ".nightVariant", required: false);
        var overload = ReadOverload(node, p, m);
        var before = fields.Problems.Count;
        var priority = fields.Integer(node, "priority", p, m + ".priority", required: false);
        var start = fields.Text(node, "startAnnouncement", p, m + ".startAnnouncement", required: false);
        var music = fields.Text(node, "musicOnHold", p, m + ".musicOnHold", required: false);
        var rcg = fields.Text(node, "os4000Rcg", p, m + ".os4000Rcg", required: false);
        var osccNode = fields.Mapping(node, "oscc", p, m + ".oscc", required: false);
        OsccHuntGroups? oscc = null;
        if (osccNode is not null)
        {
            var op = YamlPath.Child(p, "oscc");
            fields.OnlyKnown(osccNode, op, "initialHuntGroup", "musicOnHoldHuntGroup");
            var initial = fields.Number(osccNode, "initialHuntGroup", op, m + ".oscc.initialHuntGroup", required: true);
            var moh = fields.Number(osccNode, "musicOnHoldHuntGroup", op, m + ".oscc.musicOnHoldHuntGroup", required: true);
            oscc = initial is { } i && moh is { } h ? new OsccHuntGroups(i, h) : null;
        }
        if (pilot is null || tenant is null || name is null || purpose is null || times is null || overload is null || fields.Problems.Count != before)
        {
            return null;
        }
        return new DdiEntry(pilot.Value, tenant, name, purpose, company, times, overflow, night, overload, priority, start, music, oscc, rcg);
    }

    private OverloadSettings? ReadOverload(TopologyMapping entry, string parent, string model)
    {
        var node = fields.Mapping(entry, "overload", parent, model + ".overload", required: false);
        if (node is null)
        {
            return entry["overload"] is null or TopologyScalar { Value: null } ? OverloadSettings.Busy : null;
        }
        var p = YamlPath.Child(parent, "overload");
        var m = model + ".overload";
        fields.OnlyKnown(node, p, "action", "destination");
        var before = fields.Problems.Count;
        var action = fields.Choice<OverloadAction>(node, "action", p, m + ".action", required: true, ("forwarding", OverloadAction.Forward));
        var destination = fields.Number(node, "destination", p, m + ".destination", required: false);
        return action is { } a && fields.Problems.Count == before ? new OverloadSettings(a, destination) : null;
    }

    private Attendant? ReadAttendant(string key, TopologyMapping node, string p, string m)
    {
        fields.OnlyKnown(node, p, "alias", "personalLine", "greeting", "unifyPhone");
        var device = Key(key, node, p, m + ".device");
        var alias = fields.Text(node, "alias", p, m + ".alias", required: false);
        var before = fields.Problems.Count;
        var line = fields.Number(node, "personalLine", p, m + ".personalLine", required: true);
        var greeting = fields.Text(node, "greeting", p, m + ".greeting", required: false);
        var pairNode = fields.Mapping(node, "unifyPhone", p, m + ".unifyPhone", required: false);
        OnsOndPair? pair = null;
        if (pairNode is not null)
        {
            var up = YamlPath.Child(p, "unifyPhone");
            fields.OnlyKnown(pairNode, up, "ons", "ond");
            var ons = fields.Number(pairNode, "ons", up, m + ".unifyPhone.ons", required: true);
            var ond = fields.Number(pairNode, "ond", up, m + ".unifyPhone.ond", required: true);
            pair = ons is { } s && ond is { } d ? new OnsOndPair(s, d) : null;
        }
        if (device is null || line is null || fields.Problems.Count != before)
        {
            return null;
        }
        return new Attendant(device.Value, alias ?? device.Value.LastDigits(4), line.Value, greeting, pair);
    }

    private StandbySettings? ReadStandby(TopologyMapping node, string p)
    {
        fields.OnlyKnown(node, p, "primaryServer", "primaryHost", "standbyServer", "standbyHost", "loopInterval", "loopCallsMissedBeforeTakeover");
        var primary = fields.Text(node, "primaryServer", p, "standby.primaryServer", required: true);
        var primaryHost = fields.Text(node, "primaryHost", p, "standby.primaryHost", required: true);
        var standby = fields.Text(node, "standbyServer", p, "standby.standbyServer", required: true);
        var standbyHost = fields.Text(node, "standbyHost", p, "standby.standbyHost", required: true);
        var interval = fields.Duration(node, "loopInterval", p, "standby.loopInterval", required: true);
        var missed = fields.Integer(node, "loopCallsMissedBeforeTakeover", p, "standby.loopCallsMissedBeforeTakeover", required: true);
        return primary is null || primaryHost is null || standby is null || standbyHost is null || interval is null || missed is null
            ? null
            : new StandbySettings(primary, primaryHost, standby, standbyHost, interval.Value, missed.Value);
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
