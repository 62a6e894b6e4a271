using Concierge.Config.Topology;
using Concierge.Simulators.OsBiz.Bandwidth;
using Concierge.Simulators.OsBiz.Capacity;
using Concierge.Simulators.OsBiz.Numbering;
using Concierge.Simulators.OsBiz.Routing;
using Concierge.Simulators.OsBiz.Stations;
using Concierge.Simulators.UnifyPhone.Configuration;

namespace Concierge.Simulators.OsBiz.Configuration;

/// <summary>
/// Reads the `osbiz:` section of a topology. Every error names file, line, field path and value; unknown keys are
/// errors listing the known ones; cross checks: capacity of the model, simultaneous calls within the upstream, teams
/// naming a desk phone and a Unify Phone user of the system.
/// </summary>
public static class OsBizConfigReader
{
    /// <summary>The system of <paramref name="document"/>, or null with the errors.</summary>
    public static OsBizConfig? Read(TopologyDocument document, out IReadOnlyList<string> errors)
    {
        var f = new SectionFields();
        if (document.Section("osbiz") is not { } s)
        {
            errors = ["the topology has no osbiz: section"];
            return null;
        }
        const string p = "osbiz";
        f.KnownKeys(s, p, "host", "name", "mainboard", "model", "edition", "maxUnifyPhoneUsers", "softwareSupport", "internetAccess", "licenses",
            "gatewayLocationNumber", "unifyPhoneConnectivity", "stations", "unifyPhoneUsers", "teams", "voicemail", "callDestinationList", "directory");
        var host = f.Text(s, "host", p, required: true) ?? "osbiz";
        var name = f.Text(s, "name", p) ?? host;
        var mainboard = f.Text(s, "mainboard", p) ?? "V3";
        var model = f.Text(s, "model", p) ?? "X5";
        var edition = f.Text(s, "edition", p) ?? "basic";
        var (capacity, modelProblem) = SystemModel.UnifyPhoneUsers(mainboard, model, edition);
        if (modelProblem is not null) f.Error(s, p + ".model", modelProblem);
        var maxUsers = f.Int(s, "maxUnifyPhoneUsers", p, capacity ?? 150, 1, 500);
        if (capacity is { } most && maxUsers > most) f.Error(s, p + ".maxUnifyPhoneUsers", $"{maxUsers} is more than the {mainboard} {model} ({edition}) takes: {most}");
        var support = (f.Text(s, "softwareSupport", p) ?? "valid") switch
        {
            "valid" => true,
            "expired" => false,
            var other => Bad(s, p + ".softwareSupport", $"'{other}' is not valid or expired"),
        };
        var upstream = 0;
        if (s.Mapping("internetAccess") is { } access)
        {
            f.KnownKeys(access, p + ".internetAccess", "mode", "upstreamKbps");
            upstream = f.Int(access, "upstreamKbps", p + ".internetAccess", 0, 0, UpstreamBandwidth.MaxUpstreamKbps);
        }
        int ipUser = 0, upLicenses = 0;
        TimeSpan? licenseExpiry = null;
        if (s.Mapping("licenses") is { } licenses)
        {
            f.KnownKeys(licenses, p + ".licenses", "ipUser", "unifyPhone", "voicemail", "unifyPhoneExpiresIn");
            ipUser = f.Int(licenses, "ipUser", p + ".licenses", 0, 0, 10_000);
            upLicenses = f.Int(licenses, "unifyPhone", p + ".licenses", 0, 0, 10_000);
            if (licenses["unifyPhoneExpiresIn"] is not null) licenseExpiry = f.Duration(licenses, "unifyPhoneExpiresIn", p + ".licenses", TimeSpan.FromDays(365));
        }
        var gateway = Location(f, s, "gatewayLocationNumber", p);
        var connectivity = Connectivity(f, s, p, upstream, gateway);
        var stations = new List<Station>();
        foreach (var (number, station, path) in f.MappingEntries(s, "stations", p))
        {
            f.KnownKeys(station, path, "name", "type", "team");
            var type = f.Text(station, "type", path, required: true) ?? "ipDeskPhone";
            if (StationKinds.Parse(type) is not { } kind) f.Error(station, path + ".type", $"'{type}' is not ipDeskPhone, tdmDeskPhone, cordless, trustedExternalUser or mobilityUser");
            else stations.Add(new Station(number, kind, f.Text(station, "name", path) ?? number));
        }
        var users = new List<UserConfig>();
        foreach (var (number, user, path) in f.MappingEntries(s, "unifyPhoneUsers", p))
        {
            f.KnownKeys(user, path, "did", "firstName", "lastName", "email", "routing", "team", "alternativeNumber");
            var routingText = f.Text(user, "routing", path) ?? "Default";
            var routing = RoutingModes.Parse(routingText);
            if (routing is null) f.Error(user, path + ".routing", $"'{routingText}' is not Default, Desk phone, Unify Phone or Alternative number");
            if (!number.All(char.IsAsciiDigit)) f.Error(user, path, $"call number '{number}' must be digits");
            users.Add(new UserConfig(number, f.Text(user, "did", path), f.Text(user, "firstName", path, required: true) ?? "", f.Text(user, "lastName", path, required: true) ?? "",
                f.Text(user, "email", path, required: true) ?? "", routing ?? RoutingMode.Default, f.Text(user, "team", path), f.Text(user, "alternativeNumber", path)));
        }
        if (users.Count > maxUsers) f.Error(s, p + ".unifyPhoneUsers", $"{users.Count} users are more than maxUnifyPhoneUsers {maxUsers}");
        var teams = new List<TeamConfig>();
        foreach (var (number, team, path) in f.MappingEntries(s, "teams", p))
        {
            f.KnownKeys(team, path, "name", "firstName", "lastName", "did", "firstTelephone", "deskPhone", "unifyPhoneUser");
            var desk = f.Text(team, "deskPhone", path, required: true) ?? "";
            var up = f.Text(team, "unifyPhoneUser", path, required: true) ?? "";
            if (stations.FirstOrDefault(st => st.CallNumber == desk) is not { } deskStation) f.Error(team, path + ".deskPhone", $"'{desk}' is not a station of the system");
            else if (!deskStation.Kind.IsDeskPhone()) f.Error(team, path + ".deskPhone", $"'{desk}' is a {deskStation.Kind}: only one IP or TDM desk phone can be in a team with a Unify Phone user");
            if (users.All(u => u.CallNumber != up)) f.Error(team, path + ".unifyPhoneUser", $"'{up}' is not a Unify Phone user of the system");
            teams.Add(new TeamConfig(number, f.Text(team, "name", path) ?? number, f.Text(team, "did", path), desk, up));
        }
        var forwardAfter = TimeSpan.FromSeconds(15);
        if (s.Mapping("voicemail") is { } voicemail)
        {
            f.KnownKeys(voicemail, p + ".voicemail", "forwardAfter", "onBusy");
            forwardAfter = f.Duration(voicemail, "forwardAfter", p + ".voicemail", forwardAfter);
        }
        var target2 = true;
        if (s.Mapping("callDestinationList") is { } list)
        {
            f.KnownKeys(list, p + ".callDestinationList", "target2");
            target2 = (f.Text(list, "target2", p + ".callDestinationList") ?? "** User defined") == "** User defined";
        }
        errors = f.Errors;
        return errors.Count > 0 ? null : new OsBizConfig(host, name, mainboard, model, edition, maxUsers, support, upstream, ipUser, upLicenses, licenseExpiry,
            gateway, connectivity, stations, users, teams, forwardAfter, target2);

        bool Bad(TopologyMapping at, string path, string message)
        {
            f.Error(at, path, message);
            return false;
        }
    }

    private static LocationNumber Location(SectionFields f, TopologyMapping parent, string key, string path)
    {
        if (parent.Mapping(key) is not { } node)
        {
            f.Error(parent, path + "." + key, "is missing");
            return new LocationNumber("", "", "");
        }
        var at = path + "." + key;
        f.KnownKeys(node, at, "countryCode", "localAreaCode", "pabxNumber");
        var location = new LocationNumber(f.Text(node, "countryCode", at, required: true) ?? "", f.Text(node, "localAreaCode", at) ?? "", f.Text(node, "pabxNumber", at) ?? "");
        if (location.Problem() is { } problem) f.Error(node, at, problem);
        return location;
    }

    private static ConnectivityConfig Connectivity(SectionFields f, TopologyMapping s, string p, int upstream, LocationNumber gateway)
    {
        var at = p + ".unifyPhoneConnectivity";
        if (s.Mapping("unifyPhoneConnectivity") is not { } c)
            return new ConnectivityConfig(false, "phoneapp.unify.com", "", NumberingSchema.International, gateway, "855", 0, false, "", 65061, TimeSpan.FromSeconds(600), 0);
        f.KnownKeys(c, at, "enabled", "domain", "apiKey", "numberingSchema", "locationNumberIncoming", "seizureCode", "trunks", "route", "sipServer", "registrar", "stun", "simultaneousCalls");
        var schemaText = f.Text(c, "numberingSchema", at) ?? "international";
        var schema = schemaText switch
        {
            "international" => NumberingSchema.International,
            "internal" => NumberingSchema.Internal,
            _ => (NumberingSchema?)null,
        };
        if (schema is null) f.Error(c, at + ".numberingSchema", $"'{schemaText}' is not international or internal");
        var incoming = c.Mapping("locationNumberIncoming") is not null ? Location(f, c, "locationNumberIncoming", at) : gateway;
        var seizure = f.Text(c, "seizureCode", at) ?? "855";
        if (seizure.Length is < 1 or > 4 || !seizure.All(char.IsAsciiDigit)) f.Error(c, at + ".seizureCode", $"'{seizure}' must be 1–4 digits");
        var trusted = true;
        if (c.Mapping("route") is { } route)
        {
            f.KnownKeys(route, at + ".route", "name", "seizureCode", "trustedExternalUsers");
            trusted = f.Bool(route, "trustedExternalUsers", at + ".route", true);
            if (f.Text(route, "seizureCode", at + ".route") is { } routeSeizure && routeSeizure != seizure)
                f.Error(route, at + ".route.seizureCode", $"'{routeSeizure}' differs from the wizard's seizure code {seizure}");
        }
        string sipHost = "";
        var port = 65061;
        if (c.Mapping("sipServer") is { } sip)
        {
            f.KnownKeys(sip, at + ".sipServer", "host", "port", "transport", "mediaSecurity");
            sipHost = f.Text(sip, "host", at + ".sipServer", required: true) ?? "";
            port = f.Int(sip, "port", at + ".sipServer", 65061, 1, 65535);
            if ((f.Text(sip, "transport", at + ".sipServer") ?? "tls") != "tls") f.Error(sip, at + ".sipServer.transport", "Unify Phone connects by SIP over TLS only (tls)");
        }
        var reregistration = TimeSpan.FromSeconds(600);
        if (c.Mapping("registrar") is { } registrar)
        {
            f.KnownKeys(registrar, at + ".registrar", "host", "port", "reregistrationInterval");
            reregistration = f.Duration(registrar, "reregistrationInterval", at + ".registrar", reregistration);
        }
        var allowed = UpstreamBandwidth.CallsFor(upstream);
        var simultaneous = f.Int(c, "simultaneousCalls", at, allowed, 0, 1000);
        if (simultaneous > allowed) f.Error(c, at + ".simultaneousCalls", $"{simultaneous} is more than the upstream of {upstream} kbit/s allows ({allowed})");
        return new ConnectivityConfig(f.Bool(c, "enabled", at, true), f.Text(c, "domain", at) ?? "phoneapp.unify.com", f.Text(c, "apiKey", at, required: true) ?? "",
            schema ?? NumberingSchema.International, incoming, seizure, f.Int(c, "trunks", at, 4, 0, 64), trusted, sipHost, port, reregistration, simultaneous);
    }
}
