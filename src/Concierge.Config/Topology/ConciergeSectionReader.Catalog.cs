using Concierge.Config.Model;

namespace Concierge.Config.Topology;

public sealed partial class ConciergeSectionReader
{
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
}
