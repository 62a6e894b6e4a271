using System.Net;
using Concierge.Config.Topology;

namespace Concierge.Simulators.Osv.Configuration;

/// <summary>
/// Reads the OSV simulator's configuration from a loaded topology. Every problem names the file and line, the field
/// path and the value (e.g. <c>osv-example.yaml:120: osv.endpoints.CPS001.outgoingCallSupervisionTimer: "x" is not a duration</c>).
/// </summary>
public static class OsvConfigReader
{
    /// <summary>Reads the configuration, or returns null with the errors.</summary>
    public static OsvConfig? Read(TopologyDocument document, out IReadOnlyList<string> errors)
    {
        var f = new SectionFields();
        var config = Read(document, f);
        errors = f.Errors;
        return f.Errors.Count == 0 ? config : null;
    }

    /// <summary>Reads the configuration, throwing with every error listed.</summary>
    public static OsvConfig Require(TopologyDocument document) =>
        Read(document, out var errors) ?? throw new InvalidOperationException(
            $"topology \"{document.Name}\": osv configuration has errors:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");

    private static OsvConfig? Read(TopologyDocument document, SectionFields f)
    {
        var osv = document.Section("osv");
        if (osv is null)
        {
            f.Error(document.Root, "osv", "section is missing");
            return null;
        }
        const string p = "osv";
        f.KnownKeys(osv, p, "host", "sipPort", "registrar", "csta", "globalNumberingPlan", "endpointProfiles", "endpoints", "businessGroups", "geoSeparation");
        var network = ReadNetwork(document, f);
        var host = f.Text(osv, "host", p, required: true) ?? "osv";
        if (network.Hosts.Count > 0 && !network.Hosts.ContainsKey(host)) f.Error(osv["host"], $"{p}.host", $"\"{host}\" is not a host of network.hosts");
        var sipPort = f.Int(osv, "sipPort", p, 5060, 1, 65535);

        var minInterval = TimeSpan.FromSeconds(300);
        var digest = false;
        if (osv.Mapping("registrar") is { } registrar)
        {
            f.KnownKeys(registrar, p + ".registrar", "minimumRegisterInterval", "digestAuthentication");
            minInterval = f.Duration(registrar, "minimumRegisterInterval", p + ".registrar", minInterval);
            digest = f.Bool(registrar, "digestAuthentication", p + ".registrar", false);
        }
        var cstaPort = 1040;
        var v8 = false;
        if (osv.Mapping("csta") is { } csta)
        {
            f.KnownKeys(csta, p + ".csta", "port", "applications");
            cstaPort = f.Int(csta, "port", p + ".csta", 1040, 1, 65535);
            foreach (var (_, app, appPath) in f.MappingEntries(csta, "applications", p + ".csta"))
            {
                f.KnownKeys(app, appPath, "privateDataPresentationV8", "consultationForConnectionsOnHold", "groupPickup", "sipUri", "internalServiceEvents");
                v8 |= f.Bool(app, "privateDataPresentationV8", appPath, false);
            }
        }
        var global = ReadGlobalPlan(osv, f, p);
        var profiles = new Dictionary<string, EndpointProfileConfig>(StringComparer.Ordinal);
        foreach (var (name, m, path) in f.MappingEntries(osv, "endpointProfiles", p))
        {
            f.KnownKeys(m, path, "businessGroup", "numberingPlan", "sipPrivacySupport", "services", "callForwardInvalidDestination");
            var services = f.TextList(m, "services", path);
            var invalidDestination = f.Text(m, "callForwardInvalidDestination", path);
            var cfid = services.Contains(EndpointProfileConfig.CallForwardInvalidDestinationService, StringComparer.Ordinal);
            if (cfid && invalidDestination is null)
                f.Error(m, path + ".callForwardInvalidDestination", $"is required with the service \"{EndpointProfileConfig.CallForwardInvalidDestinationService}\"");
            profiles[name] = new EndpointProfileConfig(name, f.Text(m, "businessGroup", path), f.Text(m, "numberingPlan", path), cfid ? invalidDestination : null);
        }
        var endpoints = new Dictionary<string, EndpointConfig>(StringComparer.Ordinal);
        foreach (var (name, m, path) in f.MappingEntries(osv, "endpoints", p))
        {
            f.KnownKeys(m, path, "profile", "sipTrunking", "type", "transport", "bestEffortSrtp", "iceSupport", "registrationRequired",
                "aliases", "outgoingCallSupervisionTimer", "attributes", "address", "port", "role");
            var type = f.Text(m, "type", path) ?? "dynamic";
            if (type is not ("dynamic" or "static")) f.Error(m["type"], path + ".type", $"\"{type}\" is not dynamic or static");
            var profile = f.Text(m, "profile", path);
            if (profile is not null && !profiles.ContainsKey(profile)) f.Error(m["profile"], path + ".profile", $"\"{profile}\" is not an endpoint profile");
            var address = f.Text(m, "address", path);
            if (type == "static" && address is null) f.Error(m, path + ".address", "is required for a static endpoint");
            if (address is not null && network.Hosts.Count > 0 && !network.Hosts.ContainsKey(address) && !IPAddress.TryParse(address, out _))
            {
                f.Error(m["address"], path + ".address", $"\"{address}\" is not a host of network.hosts or an IP address");
            }
            endpoints[name] = new EndpointConfig(name, profile, type == "dynamic", f.TextList(m, "aliases", path), address,
                f.Int(m, "port", path, 5060, 1, 65535), f.Bool(m, "registrationRequired", path, type == "dynamic"),
                f.Text(m, "role", path) == "publicGateway", f.Duration(m, "outgoingCallSupervisionTimer", path, TimeSpan.FromSeconds(32)));
        }
        var groups = new Dictionary<string, BusinessGroupConfig>(StringComparer.Ordinal);
        var musicOnHold = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, m, path) in f.MappingEntries(osv, "businessGroups", p)) groups[name] = ReadBusinessGroup(name, m, path, f, musicOnHold);

        CrossCheck(osv, global, endpoints, groups, f);
        var publicNetwork = ReadPublicNetwork(document, f);
        var geo = ReadGeoSeparation(osv, network, f);
        return new OsvConfig(host, sipPort, minInterval, digest, cstaPort, v8, global, profiles, endpoints, groups, network, publicNetwork, geo, musicOnHold);
    }

    private static GlobalNumberingPlan ReadGlobalPlan(TopologyMapping osv, SectionFields f, string p)
    {
        var codes = new List<DestinationCode>();
        var destinations = new Dictionary<string, DestinationConfig>(StringComparer.Ordinal);
        var processing = new Dictionary<string, CodeProcessingConfig>(StringComparer.Ordinal);
        if (osv.Mapping("globalNumberingPlan") is not { } plan) return new GlobalNumberingPlan(codes, destinations, processing);
        var gp = p + ".globalNumberingPlan";
        f.KnownKeys(plan, gp, "prefixAccessCodes", "e164Codes", "destinations", "codeProcessing");
        foreach (var (m, path) in f.MappingItems(plan, "prefixAccessCodes", gp)) KnownPrefixKeys(m, path, f);
        foreach (var (m, path) in f.MappingItems(plan, "e164Codes", gp)) codes.Add(ReadCode(m, path, f));
        foreach (var (name, m, path) in f.MappingEntries(plan, "destinations", gp))
        {
            f.KnownKeys(m, path, "fallbackToLocalNumberingPlan", "routes");
            var routes = new List<string>();
            foreach (var (route, routePath) in f.MappingItems(m, "routes", path))
            {
                f.KnownKeys(route, routePath, "endpoint", "modificationType", "natureOfAddress");
                if (f.Text(route, "endpoint", routePath, required: true) is { } endpoint) routes.Add(endpoint);
            }
            destinations[name] = new DestinationConfig(name, f.Bool(m, "fallbackToLocalNumberingPlan", path, false), routes);
        }
        foreach (var (name, m, path) in f.MappingEntries(plan, "codeProcessing", gp))
        {
            f.KnownKeys(m, path, "natureOfAddress", "destinationType", "officeCode", "operations");
            var operations = new List<DigitOperation>();
            foreach (var (op, opPath) in f.MappingItems(m, "operations", path))
            {
                f.KnownKeys(op, opPath, "delete", "insert", "position");
                var position = f.Int(op, "position", opPath, 0, 0, 30);
                var insert = f.Text(op, "insert", opPath);
                if (insert is not null && !insert.All(char.IsAsciiDigit)) f.Error(op["insert"], opPath + ".insert", $"\"{insert}\" is not digits");
                var delete = f.Int(op, "delete", opPath, 0, 0, 30);
                if (insert is null && op["delete"] is null) f.Error(op, opPath, "needs delete or insert");
                operations.Add(new DigitOperation(position, delete, insert));
            }
            processing[name] = new CodeProcessingConfig(name, f.Text(m, "officeCode", path), operations);
        }
        return new GlobalNumberingPlan(codes, destinations, processing);
    }

    private static void KnownPrefixKeys(TopologyMapping m, string path, SectionFields f) =>
        f.KnownKeys(m, path, "code", "remark", "minLength", "maxLength", "digitPosition", "digitsToInsert", "prefixType", "natureOfAddress", "destinationType");

    private static DestinationCode ReadCode(TopologyMapping m, string path, SectionFields f)
    {
        f.KnownKeys(m, path, "code", "remark", "natureOfAddress", "destinationType", "destination", "codeProcessing", "businessGroup");
        var code = f.Text(m, "code", path) ?? "";
        if (!code.All(char.IsAsciiDigit)) f.Error(m["code"], path + ".code", $"\"{code}\" is not digits");
        var type = f.Enum(m, "destinationType", path, DestinationType.Destination);
        var targetKey = type switch
        {
            DestinationType.Destination => "destination",
            DestinationType.CodeProcessing => "codeProcessing",
            _ => "businessGroup",
        };
        var target = f.Text(m, targetKey, path, required: type != DestinationType.HomeDn);
        return new DestinationCode(code, f.Text(m, "natureOfAddress", path) ?? "international", type, target);
    }

    private static BusinessGroupConfig ReadBusinessGroup(string name, TopologyMapping m, string path, SectionFields f, HashSet<string> musicOnHold)
    {
        f.KnownKeys(m, path, "officeCode", "numberingPlans", "featureProfiles", "subscribers", "huntGroups");
        var officeCode = f.Text(m, "officeCode", path, required: true) ?? "";
        var plans = new Dictionary<string, IReadOnlyList<DestinationCode>>(StringComparer.Ordinal);
        foreach (var (planName, plan, planPath) in f.MappingEntries(m, "numberingPlans", path))
        {
            f.KnownKeys(plan, planPath, "kind", "prefixAccessCodes", "destinationCodes");
            foreach (var (pac, pacPath) in f.MappingItems(plan, "prefixAccessCodes", planPath)) KnownPrefixKeys(pac, pacPath, f);
            plans[planName] = f.MappingItems(plan, "destinationCodes", planPath).Select(item => ReadCode(item.Value, item.Path, f)).ToList();
        }
        var subscribers = new Dictionary<string, SubscriberConfig>(StringComparer.Ordinal);
        foreach (var (number, s, sPath) in f.MappingEntries(m, "subscribers", path))
        {
            f.KnownKeys(s, sPath, "alias", "displayName", "featureProfile", "role", "profileOnly", "phone", "unifyPhone");
            if (!IsE164(number)) f.Error(s, sPath, $"\"{number}\" is not an E.164 number with a leading '+'");
            var role = f.Text(s, "role", sPath) ?? "office";
            if (role is not ("attendant" or "office" or "huntGroupPilot" or "unifyPhoneDevice"))
            {
                f.Error(s["role"], sPath + ".role", $"\"{role}\" is not attendant, office, huntGroupPilot or unifyPhoneDevice");
            }
            var autoAnswer = role == "attendant";
            var callWaiting = role != "attendant";
            if (s.Mapping("phone") is { } phone)
            {
                f.KnownKeys(phone, sPath + ".phone", "autoAnswerCti", "callWaiting", "dnd", "uaCsta");
                autoAnswer = f.Bool(phone, "autoAnswerCti", sPath + ".phone", autoAnswer);
                callWaiting = f.Bool(phone, "callWaiting", sPath + ".phone", callWaiting);
            }
            string? upRole = null, upPartner = null;
            if (s.Mapping("unifyPhone") is { } up)
            {
                f.KnownKeys(up, sPath + ".unifyPhone", "role", "ons", "ond");
                upRole = f.Text(up, "role", sPath + ".unifyPhone", required: true);
                upPartner = upRole == "ons" ? f.Text(up, "ond", sPath + ".unifyPhone", required: true) : f.Text(up, "ons", sPath + ".unifyPhone", required: true);
            }
            var alias = f.Text(s, "alias", sPath) ?? (number.Length >= 4 ? number[^4..] : number);
            subscribers[number] = new SubscriberConfig(number, alias, name, f.Text(s, "displayName", sPath), role,
                f.Bool(s, "profileOnly", sPath, false), autoAnswer, callWaiting, upRole, upPartner);
        }
        var huntGroups = new Dictionary<string, HuntGroupConfig>(StringComparer.Ordinal);
        foreach (var (number, h, hPath) in f.MappingEntries(m, "huntGroups", path))
        {
            f.KnownKeys(h, hPath, "name", "huntType", "huntTypeWhenOsccDown", "queueSize", "maxQueueSize", "maxTimeInQueue", "overflowDestination", "members", "musicOnHold");
            var members = new List<HuntGroupMemberConfig>();
            foreach (var (member, mPath) in f.MappingItems(h, "members", hPath))
            {
                f.KnownKeys(member, mPath, "number", "attendantAgent", "canMakeHuntGroupBusy");
                var memberNumber = f.Text(member, "number", mPath, required: true) ?? "";
                if (!subscribers.ContainsKey(memberNumber)) f.Error(member["number"], mPath + ".number", $"\"{memberNumber}\" is not a subscriber of {name}");
                members.Add(new HuntGroupMemberConfig(memberNumber, f.Bool(member, "attendantAgent", mPath, false), f.Bool(member, "canMakeHuntGroupBusy", mPath, false)));
            }
            var queueSize = f.Int(h, "queueSize", hPath, 511, 0, 511);
            huntGroups[number] = new HuntGroupConfig(number, f.Text(h, "name", hPath) ?? number, f.Enum(h, "huntType", hPath, HuntType.Ucd),
                queueSize, f.Duration(h, "maxTimeInQueue", hPath, TimeSpan.Zero), f.Text(h, "overflowDestination", hPath), members);
            if (f.Bool(h, "musicOnHold", hPath, false)) musicOnHold.Add(number);
        }
        return new BusinessGroupConfig(name, officeCode, plans, subscribers, huntGroups);
    }

    private static void CrossCheck(TopologyMapping osv, GlobalNumberingPlan global, Dictionary<string, EndpointConfig> endpoints,
        Dictionary<string, BusinessGroupConfig> groups, SectionFields f)
    {
        foreach (var destination in global.Destinations.Values)
        {
            foreach (var endpoint in destination.RouteEndpoints.Where(e => !endpoints.ContainsKey(e)))
            {
                f.Error(osv, $"osv.globalNumberingPlan.destinations.{destination.Name}.routes", $"\"{endpoint}\" is not an endpoint");
            }
        }
        var codes = global.E164Codes.Concat(groups.Values.SelectMany(g => g.NumberingPlans.Values.SelectMany(c => c)));
        foreach (var code in codes)
        {
            var known = code.Type switch
            {
                DestinationType.Destination => code.Target is null || global.Destinations.ContainsKey(code.Target),
                DestinationType.CodeProcessing => code.Target is null || global.CodeProcessing.ContainsKey(code.Target),
                _ => code.Target is null || groups.ContainsKey(code.Target),
            };
            if (!known) f.Error(osv, $"osv code \"{code.Code}\"", $"{code.Type} \"{code.Target}\" is not defined");
        }
    }

    private static GeoSeparationConfig? ReadGeoSeparation(TopologyMapping osv, NetworkConfig network, SectionFields f)
    {
        if (osv.Mapping("geoSeparation") is not { } geo) return null;
        const string p = "osv.geoSeparation";
        f.KnownKeys(geo, p, "zone", "nodes");
        var zone = f.Text(geo, "zone", p, required: true) ?? "";
        var nodes = new List<GeoNodeConfig>();
        foreach (var (name, node, path) in f.MappingEntries(geo, "nodes", p))
        {
            f.KnownKeys(node, path, "host", "priority", "weight");
            var host = f.Text(node, "host", path, required: true) ?? "";
            if (network.Hosts.Count > 0 && !network.Hosts.ContainsKey(host)) f.Error(node["host"], path + ".host", $"\"{host}\" is not a host of network.hosts");
            nodes.Add(new GeoNodeConfig(name, host, f.Int(node, "priority", path, 0, 0, 65535), f.Int(node, "weight", path, 0, 0, 65535)));
        }
        if (nodes.Count == 0) f.Error(geo, p + ".nodes", "needs at least one node");
        if (nodes.Select(n => n.Priority).Distinct().Count() != nodes.Count) f.Error(geo, p + ".nodes", "priorities must differ per node (seed C 4.6)");
        return new GeoSeparationConfig(zone, nodes);
    }

    internal static NetworkConfig ReadNetwork(TopologyDocument document, SectionFields f)
    {
        var hosts = new Dictionary<string, IPAddress>(StringComparer.Ordinal);
        var portBase = 5100;
        if (document.Section("network") is not { } network) return new NetworkConfig(hosts, portBase);
        if (network.Mapping("hosts") is { } hostMap)
        {
            foreach (var entry in hostMap.Entries)
            {
                var text = (entry.Value as TopologyScalar)?.Value;
                if (text is not null && IPAddress.TryParse(text, out var address)) hosts[entry.Key] = address;
                else f.Error(entry.Value, $"network.hosts.{entry.Key}", $"\"{text}\" is not an IPv4 address");
            }
        }
        portBase = f.Int(network, "phonePortBase", "network", portBase, 1, 65000);
        return new NetworkConfig(hosts, portBase);
    }

    internal static PublicNetworkConfig? ReadPublicNetwork(TopologyDocument document, SectionFields f)
    {
        if (document.Section("publicNetwork") is not { } pn) return null;
        return new PublicNetworkConfig(f.Text(pn, "host", "publicNetwork", required: true) ?? "pstn",
            f.Text(pn, "pbx", "publicNetwork") ?? "osv", f.Text(pn, "trunk", "publicNetwork") ?? "GW_PSTN");
    }

    private static bool IsE164(string number) => number.Length > 2 && number[0] == '+' && number[1..].All(char.IsAsciiDigit);
}
