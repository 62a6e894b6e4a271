using Concierge.Config.Model;

namespace Concierge.Config.Topology;

public sealed partial class ConciergeSectionReader
{
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
}
