using Concierge.Config.Model;

namespace Concierge.Config.Topology;

public sealed partial class ConciergeSectionReader
{
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
}
