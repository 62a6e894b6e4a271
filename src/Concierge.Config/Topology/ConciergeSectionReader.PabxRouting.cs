using Concierge.Csta.Numbers;

namespace Concierge.Config.Topology;

public sealed partial class ConciergeSectionReader
{
    /// <summary>
    /// <c>pabxRouting: { countryCode, areaCode, trunkCode, maxExtensionLength, accessCodes: { public, national,
    /// international, local }, useVnr }</c>: the routing data of the PABX connection (C 6.2.3.2), checked by the
    /// number plan's own rules.
    /// </summary>
    private PabxRoutingData? ReadPabxRouting(TopologyMapping node, string p, out bool bad)
    {
        bad = true;
        fields.OnlyKnown(node, p, "countryCode", "areaCode", "trunkCode", "maxExtensionLength", "accessCodes", "useVnr");
        var country = fields.Text(node, "countryCode", p, "pabxRouting.countryCode", required: true);
        var area = fields.Text(node, "areaCode", p, "pabxRouting.areaCode", required: false) ?? "";
        var trunk = fields.Text(node, "trunkCode", p, "pabxRouting.trunkCode", required: false) ?? "";
        var maxExtension = fields.Integer(node, "maxExtensionLength", p, "pabxRouting.maxExtensionLength", required: true);
        var useVnr = fields.Flag(node, "useVnr", p, "pabxRouting.useVnr", required: false) ?? false;
        var codesNode = fields.Mapping(node, "accessCodes", p, "pabxRouting.accessCodes", required: true);
        if (country is null || maxExtension is null || codesNode is null) return null;
        var codesPath = YamlPath.Child(p, "accessCodes");
        fields.OnlyKnown(codesNode, codesPath, "public", "national", "international", "local");
        var codes = new AccessCodes(
            fields.Text(codesNode, "public", codesPath, "pabxRouting.accessCodes.public", required: false) ?? "",
            fields.Text(codesNode, "national", codesPath, "pabxRouting.accessCodes.national", required: false) ?? "",
            fields.Text(codesNode, "international", codesPath, "pabxRouting.accessCodes.international", required: false) ?? "",
            fields.Text(codesNode, "local", codesPath, "pabxRouting.accessCodes.local", required: false) ?? "");
        var routing = new PabxRoutingData(country, area, trunk, maxExtension.Value, codes, useVnr);
        if (!NumberPlan.TryCreate(routing, out _, out var error))
        {
            fields.Error(p, null, error, node.Source);
            return null;
        }
        bad = false;
        return routing;
    }
}
