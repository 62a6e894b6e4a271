using Concierge.Config.Model;

namespace Concierge.Config.Topology;

public sealed partial class ConciergeSectionReader
{
    private Attendant? ReadAttendant(string key, TopologyMapping node, string p, string m)
    {
        fields.OnlyKnown(node, p, "alias", "personalLine", "greeting", "unifyPhone", "tenant");
        var device = Key(key, node, p, m + ".device");
        var alias = fields.Text(node, "alias", p, m + ".alias", required: false);
        var before = fields.Problems.Count;
        var line = fields.Number(node, "personalLine", p, m + ".personalLine", required: true);
        var greeting = fields.Text(node, "greeting", p, m + ".greeting", required: false);
        var tenant = fields.Text(node, "tenant", p, m + ".tenant", required: false);
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
        return new Attendant(device.Value, alias ?? device.Value.LastDigits(4), line.Value, greeting, pair, tenant);
    }
}
