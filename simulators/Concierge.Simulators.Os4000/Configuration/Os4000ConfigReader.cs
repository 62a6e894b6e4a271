using Concierge.Config.Topology;
using Concierge.Simulators.Osv.Configuration;

namespace Concierge.Simulators.Os4000.Configuration;

/// <summary>
/// Reads the OpenScape 4000 simulator's configuration from a loaded topology. Every problem names the file and line,
/// the field path and the value (e.g. <c>os4000.stmi.channels: "200" is not a whole number in 1–120</c>).
/// </summary>
public static class Os4000ConfigReader
{
    /// <summary>The most B channels an STMI trunk to the CPS may have (seed C 6.3.1.3).</summary>
    public const int MaxStmiChannels = 120;

    /// <summary>Reads the configuration, or returns null with the errors.</summary>
    public static Os4000Config? Read(TopologyDocument document, out IReadOnlyList<string> errors)
    {
        var f = new SectionFields();
        var config = Read(document, f);
        errors = f.Errors;
        return f.Errors.Count == 0 ? config : null;
    }

    /// <summary>Reads the configuration, throwing with every error listed.</summary>
    public static Os4000Config Require(TopologyDocument document) =>
        Read(document, out var errors) ?? throw new InvalidOperationException(
            $"topology \"{document.Name}\": os4000 configuration has errors:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");

    private static Os4000Config? Read(TopologyDocument document, SectionFields f)
    {
        if (document.Section("os4000") is not { } os)
        {
            f.Error(document.Root, "os4000", "section is missing");
            return null;
        }
        const string p = "os4000";
        f.KnownKeys(os, p, "host", "numbering", "stmi", "lcr", "huntGroups", "csta", "attendantFeatures", "publicTrunk", "stations", "vnr");
        var network = OsvConfigReader.ReadNetwork(document, f);
        var host = f.Text(os, "host", p, required: true) ?? "os4000";
        CheckHost(network, os, "host", p, host, f);
        var numbering = ReadNumbering(os, f);
        var stmi = ReadStmi(os, host, network, f);
        var lcr = ReadLcr(os, f);
        var stations = ReadStations(os, numbering, f);
        var huntGroups = ReadHuntGroups(os, stations, f);
        var csta = ReadCsta(os, host, f);
        var features = new AttendantFeatureCodes(null, null);
        if (os.Mapping("attendantFeatures") is { } af)
        {
            f.KnownKeys(af, p + ".attendantFeatures", "maliciousCallTrace", "busyOverride");
            features = new AttendantFeatureCodes(FeatureCode(af, "maliciousCallTrace", f), FeatureCode(af, "busyOverride", f));
        }
        PublicTrunkConfig? publicTrunk = null;
        if (os.Mapping("publicTrunk") is { } pt)
        {
            const string pp = p + ".publicTrunk";
            f.KnownKeys(pt, pp, "name", "trunkGroup", "host", "port", "channels");
            var ptHost = f.Text(pt, "host", pp, required: true) ?? "pstn";
            CheckHost(network, pt, "host", pp, ptHost, f);
            publicTrunk = new PublicTrunkConfig(f.Text(pt, "name", pp) ?? "PSTN", f.Int(pt, "trunkGroup", pp, 1, 1, 999), ptHost, f.Int(pt, "port", pp, 5060, 1, 65535),
                f.Int(pt, "channels", pp, 30, 1, 999));
        }
        var vnr = new List<VnrNode>();
        if (os.Mapping("vnr") is { } v)
        {
            f.KnownKeys(v, p + ".vnr", "nodes");
            foreach (var (node, path) in f.MappingItems(v, "nodes", p + ".vnr"))
            {
                f.KnownKeys(node, path, "nodeCode", "e164");
                var code = f.Text(node, "nodeCode", path, required: true) ?? "";
                if (!code.All(char.IsAsciiDigit) || code.Length == 0) f.Error(node["nodeCode"], path + ".nodeCode", $"\"{code}\" is not digits");
                var e164 = f.Text(node, "e164", path, required: true) ?? "";
                if (!IsE164(e164)) f.Error(node["e164"], path + ".e164", $"\"{e164}\" is not an E.164 prefix with a leading '+'");
                vnr.Add(new VnrNode(code, e164));
            }
        }
        CrossCheck(os, lcr, stmi, huntGroups, numbering, f);
        var publicNetwork = OsvConfigReader.ReadPublicNetwork(document, f);
        return new Os4000Config(host, numbering, stmi, lcr, huntGroups, csta, features, publicTrunk, stations, vnr, network, publicNetwork);
    }

    private static Os4000Numbering ReadNumbering(TopologyMapping os, SectionFields f)
    {
        const string p = "os4000.numbering";
        if (os.Mapping("numbering") is not { } n)
        {
            f.Error(os, p, "is required");
            return new Os4000Numbering("", "", "", "+", 4);
        }
        f.KnownKeys(n, p, "countryCode", "areaCode", "pabxNumber", "e164Prefix", "extensionLength");
        var country = f.Text(n, "countryCode", p, required: true) ?? "";
        var area = f.Text(n, "areaCode", p, required: true) ?? "";
        var pabx = f.Text(n, "pabxNumber", p, required: true) ?? "";
        var prefix = f.Text(n, "e164Prefix", p) ?? "+" + country + area + pabx;
        if (!IsE164(prefix)) f.Error(n["e164Prefix"], p + ".e164Prefix", $"\"{prefix}\" is not an E.164 prefix with a leading '+'");
        else if (prefix != "+" + country + area + pabx) f.Error(n["e164Prefix"], p + ".e164Prefix", $"\"{prefix}\" is not + country code + area code + PABX number (+{country}{area}{pabx})");
        return new Os4000Numbering(country, area, pabx, prefix, f.Int(n, "extensionLength", p, 4, 1, 8));
    }

    private static StmiTrunkConfig ReadStmi(TopologyMapping os, string host, NetworkConfig network, SectionFields f)
    {
        const string p = "os4000.stmi";
        if (os.Mapping("stmi") is not { } s)
        {
            f.Error(os, p, "is required");
            return new StmiTrunkConfig(host, 5060, 181, 30, MaxStmiChannels, true, "cps");
        }
        f.KnownKeys(s, p, "host", "sipPort", "board", "trunkGroup", "channels", "maxChannels", "allowSipRegisterForTrunking",
            "externalGateway", "internalGateway", "sipTrunkProfile", "classmarks");
        var stmiHost = f.Text(s, "host", p) ?? host;
        CheckHost(network, s, "host", p, stmiHost, f);
        var max = f.Int(s, "maxChannels", p, MaxStmiChannels, 1, MaxStmiChannels);
        var channels = f.Int(s, "channels", p, 30, 1, MaxStmiChannels);
        if (channels > max) f.Error(s["channels"], p + ".channels", $"{channels} is more than maxChannels {max}");
        var gateway = "cps";
        if (s.Mapping("externalGateway") is { } gw)
        {
            f.KnownKeys(gw, p + ".externalGateway", "gwNo", "attributes", "address", "gwDirNo", "info");
            gateway = f.Text(gw, "address", p + ".externalGateway", required: true) ?? gateway;
            CheckHost(network, gw, "address", p + ".externalGateway", gateway, f);
        }
        if (s.Mapping("board") is { } board) f.KnownKeys(board, p + ".board", "ltu", "slot", "function", "bChannels");
        if (s.Mapping("internalGateway") is { } igw) f.KnownKeys(igw, p + ".internalGateway", "gwNo", "attributes", "gwDirNo", "info");
        if (s.Mapping("sipTrunkProfile") is { } profile)
            f.KnownKeys(profile, p + ".sipTrunkProfile", "name", "registrar", "outboundProxy", "inboundProxy", "useInboundProxy", "transport", "reregistrationInterval");
        if (s.Mapping("classmarks") is { } classmarks) f.KnownKeys(classmarks, p + ".classmarks", "externalCall", "holdCallTransfer", "callForwarding");
        return new StmiTrunkConfig(stmiHost, f.Int(s, "sipPort", p, 5060, 1, 65535), f.Int(s, "trunkGroup", p, 181, 1, 999), channels, max,
            f.Bool(s, "allowSipRegisterForTrunking", p, true), gateway);
    }

    private static LcrConfig ReadLcr(TopologyMapping os, SectionFields f)
    {
        const string p = "os4000.lcr";
        var rules = new Dictionary<string, IReadOnlyList<OutdialCommand>>(StringComparer.Ordinal);
        var routes = new Dictionary<string, LcrRouteConfig>(StringComparer.Ordinal);
        var plan = new List<DialPlanRange>();
        if (os.Mapping("lcr") is not { } lcr)
        {
            f.Error(os, p, "is required");
            return new LcrConfig(rules, routes, plan);
        }
        f.KnownKeys(lcr, p, "outdialRules", "routes", "dialPlan");
        if (lcr.Mapping("outdialRules") is { } odr)
        {
            foreach (var entry in odr.Entries)
            {
                var path = p + ".outdialRules." + entry.Key;
                var commands = new List<OutdialCommand>();
                if (entry.Value is not TopologySequence)
                {
                    f.Error(entry.Value, path, "must be a list of LODR commands");
                    continue;
                }
                foreach (var (command, cPath) in f.MappingItems(odr, entry.Key, p + ".outdialRules"))
                {
                    f.KnownKeys(command, cPath, "outpulse", "echo", "npi", "ton", "end");
                    if (f.Text(command, "outpulse", cPath) is { } digits)
                    {
                        if (!digits.All(char.IsAsciiDigit)) f.Error(command["outpulse"], cPath + ".outpulse", $"\"{digits}\" is not digits");
                        commands.Add(new OutpulseCommand(digits));
                    }
                    else if (command["echo"] is not null) commands.Add(new EchoCommand(f.Int(command, "echo", cPath, 1, 1, 9)));
                    else if (command["ton"] is not null || command["npi"] is not null)
                    {
                        var ton = f.Text(command, "ton", cPath) ?? "unknown";
                        if (ton is not ("international" or "national" or "subscriber" or "unknown"))
                            f.Error(command["ton"], cPath + ".ton", $"\"{ton}\" is not international, national, subscriber or unknown");
                        commands.Add(new NumberTypeCommand(f.Text(command, "npi", cPath) ?? "isdn", ton));
                    }
                    else if (command["end"] is not null) commands.Add(new EndCommand());
                    else f.Error(command, cPath, "needs outpulse, echo, npi/ton or end");
                }
                rules[entry.Key] = commands;
            }
        }
        foreach (var (name, route, path) in f.MappingEntries(lcr, "routes", p))
        {
            f.KnownKeys(route, path, "name", "entries");
            var entries = new List<LdatEntry>();
            foreach (var (e, ePath) in f.MappingItems(route, "entries", path))
            {
                f.KnownKeys(e, ePath, "lval", "trunkGroup", "outdialRule", "attribute");
                var tg = e["trunkGroup"] is null ? (int?)null : f.Int(e, "trunkGroup", ePath, 0, 1, 999);
                var attribute = f.Text(e, "attribute", ePath) ?? "none";
                if (tg is null && !string.Equals(attribute, "RERTEINT", StringComparison.OrdinalIgnoreCase))
                    f.Error(e, ePath, "needs a trunkGroup or attribute RERTEINT");
                entries.Add(new LdatEntry(f.Int(e, "lval", ePath, entries.Count + 1, 1, 254), tg, f.Text(e, "outdialRule", ePath, required: true) ?? "", attribute));
            }
            routes[name] = new LcrRouteConfig(name, f.Text(route, "name", path) ?? name, entries.OrderBy(e => e.Lval).ToList());
        }
        foreach (var (range, path) in f.MappingItems(lcr, "dialPlan", p))
        {
            f.KnownKeys(range, path, "first", "last", "route", "kind");
            var first = f.Text(range, "first", path, required: true) ?? "";
            var last = f.Text(range, "last", path) ?? first;
            if (!first.All(char.IsAsciiDigit) || !last.All(char.IsAsciiDigit) || first.Length != last.Length || string.CompareOrdinal(first, last) > 0)
                f.Error(range, path, $"\"{first}\"…\"{last}\" is not a range of extensions of one length");
            plan.Add(new DialPlanRange(first, last, f.Text(range, "route", path, required: true) ?? "", f.Enum(range, "kind", path, DialPlanKind.Pilot)));
        }
        return new LcrConfig(rules, routes, plan);
    }

    private static Dictionary<string, StationConfig> ReadStations(TopologyMapping os, Os4000Numbering numbering, SectionFields f)
    {
        var stations = new Dictionary<string, StationConfig>(StringComparer.Ordinal);
        foreach (var (number, s, path) in f.MappingEntries(os, "stations", "os4000"))
        {
            f.KnownKeys(s, path, "alias", "extension", "name", "role", "phone");
            if (!IsE164(number)) f.Error(s, path, $"\"{number}\" is not an E.164 number with a leading '+'");
            var extension = f.Text(s, "extension", path) ?? (number.StartsWith(numbering.E164Prefix, StringComparison.Ordinal) ? number[numbering.E164Prefix.Length..] : number[^Math.Min(4, number.Length)..]);
            if (numbering.E164Prefix + extension != number) f.Error(s["extension"] ?? s, path + ".extension", $"\"{extension}\" with the prefix {numbering.E164Prefix} is not {number}");
            var role = f.Text(s, "role", path) ?? "office";
            if (role is not ("attendant" or "office")) f.Error(s["role"], path + ".role", $"\"{role}\" is not attendant or office");
            var autoAnswer = role == "attendant";
            var callWaiting = role != "attendant";
            if (s.Mapping("phone") is { } phone)
            {
                f.KnownKeys(phone, path + ".phone", "autoAnswerCti", "callWaiting", "dnd");
                autoAnswer = f.Bool(phone, "autoAnswerCti", path + ".phone", autoAnswer);
                callWaiting = f.Bool(phone, "callWaiting", path + ".phone", callWaiting);
            }
            stations[number] = new StationConfig(number, extension, f.Text(s, "alias", path) ?? extension, f.Text(s, "name", path) ?? extension, role, autoAnswer, callWaiting);
        }
        return stations;
    }

    private static Dictionary<string, Os4000HuntGroupConfig> ReadHuntGroups(TopologyMapping os, Dictionary<string, StationConfig> stations, SectionFields f)
    {
        var groups = new Dictionary<string, Os4000HuntGroupConfig>(StringComparer.Ordinal);
        foreach (var (extension, h, path) in f.MappingEntries(os, "huntGroups", "os4000"))
        {
            f.KnownKeys(h, path, "name", "type", "members", "queueSize");
            var members = f.TextList(h, "members", path);
            foreach (var member in members.Where(m => stations.Values.All(s => s.Extension != m)))
                f.Error(h["members"], path + ".members", $"\"{member}\" is not the extension of a station");
            groups[extension] = new Os4000HuntGroupConfig(extension, f.Text(h, "name", path) ?? extension, f.Enum(h, "type", path, Os4000HuntType.Cyclic),
                members, f.Int(h, "queueSize", path, 30, 0, 511));
        }
        return groups;
    }

    private static Os4000CstaConfig ReadCsta(TopologyMapping os, string host, SectionFields f)
    {
        const string p = "os4000.csta";
        if (os.Mapping("csta") is not { } c) return new Os4000CstaConfig(host, 1040, false, "ignore");
        f.KnownKeys(c, p, "host", "port", "useVnr", "presentationRestricted");
        var restricted = f.Text(c, "presentationRestricted", p) ?? "ignore";
        if (restricted is not ("ignore" or "restrict")) f.Error(c["presentationRestricted"], p + ".presentationRestricted", $"\"{restricted}\" is not ignore or restrict");
        return new Os4000CstaConfig(f.Text(c, "host", p) ?? host, f.Int(c, "port", p, 1040, 1, 65535), f.Bool(c, "useVnr", p, false), restricted);
    }

    private static string? FeatureCode(TopologyMapping m, string key, SectionFields f)
    {
        var code = f.Text(m, key, "os4000.attendantFeatures");
        if (code is not null && (code.Length < 2 || code[0] != '*' || !code[1..].All(char.IsAsciiDigit)))
            f.Error(m[key], "os4000.attendantFeatures." + key, $"\"{code}\" is not a key code such as *17");
        return code;
    }

    private static void CrossCheck(TopologyMapping os, LcrConfig lcr, StmiTrunkConfig stmi, Dictionary<string, Os4000HuntGroupConfig> huntGroups,
        Os4000Numbering numbering, SectionFields f)
    {
        foreach (var route in lcr.Routes.Values)
        {
            foreach (var entry in route.Entries)
            {
                if (!lcr.OutdialRules.ContainsKey(entry.OutdialRule))
                    f.Error(os, $"os4000.lcr.routes.{route.Number}", $"LVAL {entry.Lval}: outdial rule \"{entry.OutdialRule}\" is not defined");
                if (entry.TrunkGroup is { } tg && tg != stmi.TrunkGroup)
                    f.Error(os, $"os4000.lcr.routes.{route.Number}", $"LVAL {entry.Lval}: trunk group {tg} is not the STMI trunk group {stmi.TrunkGroup}");
            }
        }
        foreach (var range in lcr.DialPlan.Where(r => !lcr.Routes.ContainsKey(r.Route)))
            f.Error(os, "os4000.lcr.dialPlan", $"{range.First}…{range.Last}: route \"{range.Route}\" is not defined");
        foreach (var hg in huntGroups.Keys.Where(k => k.Length > numbering.ExtensionLength || !k.All(char.IsAsciiDigit)))
            f.Error(os, "os4000.huntGroups." + hg, $"\"{hg}\" is not an extension of at most {numbering.ExtensionLength} digits");
    }

    private static void CheckHost(NetworkConfig network, TopologyMapping m, string key, string path, string host, SectionFields f)
    {
        if (network.Hosts.Count > 0 && !network.Hosts.ContainsKey(host)) f.Error(m[key], $"{path}.{key}", $"\"{host}\" is not a host of network.hosts");
    }

    private static bool IsE164(string number) => number.Length > 2 && number[0] == '+' && number[1..].All(char.IsAsciiDigit);
}
