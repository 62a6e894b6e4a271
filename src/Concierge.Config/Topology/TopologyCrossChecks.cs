using System.Net;
using Concierge.Config.Model;
using Concierge.Config.Validation;

namespace Concierge.Config.Topology;

/// <summary>
/// Checks that tie the sections of one topology together: network hosts are addresses, the CPS runs on and
/// registers at hosts that exist, the OSV endpoint's alias equals the Register Id (case sensitive, C 6.3.1.3), and
/// every attendant device is an OSV subscriber or OpenScape 4000 station.
/// </summary>
public static class TopologyCrossChecks
{
    /// <summary>Adds a problem for each broken tie.</summary>
    public static void Check(TopologyMapping root, ConciergeConfig? config, ProblemList problems)
    {
        var hosts = CheckHosts(root, problems);
        if (config is null || root.Mapping("concierge") is not { } concierge)
        {
            return;
        }
        var cps = concierge.Mapping("cps");
        if (hosts is not null)
        {
            RequireHost(hosts, config.Cps.Host, "concierge.cps.host", cps?["host"], problems);
            if (!IPAddress.TryParse(config.Cps.RegistrarHost, out _) && !config.Cps.RegistrarHost.Contains('.', StringComparison.Ordinal))
            {
                RequireHost(hosts, config.Cps.RegistrarHost, "concierge.cps.registrarHost", cps?["registrarHost"], problems);
            }
            if (config.Standby is { } standby)
            {
                var node = concierge.Mapping("standby");
                RequireHost(hosts, standby.PrimaryHost, "concierge.standby.primaryHost", node?["primaryHost"], problems);
                RequireHost(hosts, standby.StandbyHost, "concierge.standby.standbyHost", node?["standbyHost"], problems);
            }
        }
        if (config.Pbx == PbxType.Osv && root.Mapping("osv") is { } osv)
        {
            CheckRegisterId(osv, config, cps?["registerId"] ?? cps, problems);
            if (osv.Mapping("businessGroups") is { } groups)
            {
                var subscribers = groups.Entries
                    .Select(g => (g.Value as TopologyMapping)?.Mapping("subscribers"))
                    .SelectMany(s => s?.Keys ?? []);
                CheckAttendantDevices(subscribers, "a subscriber of any OSV business group", config, concierge, problems);
            }
        }
        if (config.Pbx == PbxType.Os4000 && root.Mapping("os4000")?.Mapping("stations") is { } stations)
        {
            CheckAttendantDevices(stations.Keys, "a station of os4000.stations", config, concierge, problems);
        }
    }

    private static HashSet<string>? CheckHosts(TopologyMapping root, ProblemList problems)
    {
        if (root.Mapping("network")?.Mapping("hosts") is not { } hosts)
        {
            return null;
        }
        var seen = new Dictionary<IPAddress, string>();
        foreach (var entry in hosts.Entries)
        {
            var path = YamlPath.Child("network.hosts", entry.Key);
            var text = (entry.Value as TopologyScalar)?.Value;
            if (text is null || !IPAddress.TryParse(text, out var address))
            {
                problems.Add(new ConfigProblem(ProblemSeverity.Error, path, text, "is not an IP address", entry.Value.Source));
                continue;
            }
            if (!seen.TryAdd(address, entry.Key))
            {
                problems.Add(new ConfigProblem(ProblemSeverity.Error, path, text, $"is also the address of host \"{seen[address]}\"", entry.Value.Source));
            }
        }
        return hosts.Keys.ToHashSet(StringComparer.Ordinal);
    }

    private static void RequireHost(HashSet<string> hosts, string host, string path, TopologyNode? node, ProblemList problems)
    {
        if (!hosts.Contains(host))
        {
            problems.Add(new ConfigProblem(ProblemSeverity.Error, path, host,
                $"is not a host of network.hosts (known: {string.Join(", ", hosts)})", node?.Source));
        }
    }

    private static void CheckRegisterId(TopologyMapping osv, ConciergeConfig config, TopologyNode? at, ProblemList problems)
    {
        if (osv.Mapping("endpoints") is not { } endpoints)
        {
            return;
        }
        var aliases = endpoints.Entries
            .Select(e => e.Value as TopologyMapping)
            .Where(e => e?.Text("registrationRequired") == "true")
            .SelectMany(e => e!.Sequence("aliases")?.Items.OfType<TopologyScalar>().Select(s => s.Value) ?? [])
            .OfType<string>()
            .ToList();
        if (aliases.Contains(config.Cps.RegisterId, StringComparer.Ordinal))
        {
            return;
        }
        var near = aliases.FirstOrDefault(a => string.Equals(a, config.Cps.RegisterId, StringComparison.OrdinalIgnoreCase));
        var hint = near is null ? "no OSV endpoint requiring registration has this alias" : $"the OSV endpoint alias is \"{near}\" (case sensitive)";
        problems.Add(new ConfigProblem(ProblemSeverity.Error, "concierge.cps.registerId", config.Cps.RegisterId, hint, at?.Source));
    }

    private static void CheckAttendantDevices(IEnumerable<string> devices, string what, ConciergeConfig config, TopologyMapping concierge, ProblemList problems)
    {
        var known = devices.ToHashSet(StringComparer.Ordinal);
        var nodes = concierge.Mapping("attendants");
        foreach (var attendant in config.Attendants)
        {
            var device = attendant.Device.ToString();
            if (!known.Contains(device))
            {
                problems.Add(new ConfigProblem(ProblemSeverity.Error, YamlPath.Child("concierge.attendants", device), device,
                    $"is not {what}", nodes?[device]?.Source));
            }
        }
    }
}
