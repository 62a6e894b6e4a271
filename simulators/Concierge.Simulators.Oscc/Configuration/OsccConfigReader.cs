using Concierge.Config.Topology;
using Concierge.Simulators.Osv.Configuration;

namespace Concierge.Simulators.Oscc.Configuration;

/// <summary>Reads the OSCC simulator's configuration; every problem names the field and the value.</summary>
public static class OsccConfigReader
{
    /// <summary>How long calls ring in the initial hunt group before they hear music, unless a queue sets <c>initialWait</c>.</summary>
    public static readonly TimeSpan DefaultInitialWait = TimeSpan.FromSeconds(5);

    /// <summary>Reads the configuration, or returns null with the errors.</summary>
    public static OsccConfig? Read(TopologyDocument document, out IReadOnlyList<string> errors)
    {
        var f = new SectionFields();
        var config = Read(document, f);
        errors = f.Errors;
        return f.Errors.Count == 0 ? config : null;
    }

    /// <summary>Reads the configuration, throwing with every error listed.</summary>
    public static OsccConfig Require(TopologyDocument document) =>
        Read(document, out var errors) ?? throw new InvalidOperationException(
            $"topology \"{document.Name}\": oscc configuration has errors:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");

    private static OsccConfig? Read(TopologyDocument document, SectionFields f)
    {
        if (document.Section("oscc") is not { } oscc)
        {
            f.Error(document.Root, "oscc", "section is missing");
            return null;
        }
        const string p = "oscc";
        f.KnownKeys(oscc, p, "host", "csta", "routingMode", "whenDown", "queues");
        var host = f.Text(oscc, "host", p, required: true) ?? "oscc";
        var pbx = "osv";
        var port = 1040;
        if (oscc.Mapping("csta") is { } csta)
        {
            f.KnownKeys(csta, p + ".csta", "pbx", "port");
            pbx = f.Text(csta, "pbx", p + ".csta") ?? pbx;
            port = f.Int(csta, "port", p + ".csta", 1040, 1, 65535);
        }
        var mode = f.Text(oscc, "routingMode", p) ?? "automatic";
        if (mode is not ("automatic" or "manual")) f.Error(oscc["routingMode"], p + ".routingMode", $"\"{mode}\" is not automatic or manual");
        var whenDown = f.Text(oscc, "whenDown", p) ?? "huntGroupsSwitchToUcd";
        if (whenDown != "huntGroupsSwitchToUcd") f.Error(oscc["whenDown"], p + ".whenDown", $"\"{whenDown}\" is not huntGroupsSwitchToUcd");
        var queues = new List<OsccQueueConfig>();
        foreach (var (name, q, path) in f.MappingEntries(oscc, "queues", p))
        {
            f.KnownKeys(q, path, "pilot", "initialHuntGroup", "musicOnHoldHuntGroup", "agents", "initialWait");
            var numbers = new[] { "pilot", "initialHuntGroup", "musicOnHoldHuntGroup" }.Select(key =>
            {
                var value = f.Text(q, key, path, required: true) ?? "";
                if (!IsE164(value)) f.Error(q[key], path + "." + key, $"\"{value}\" is not an E.164 number with a leading '+'");
                return value;
            }).ToArray();
            var agents = f.TextList(q, "agents", path);
            foreach (var agent in agents.Where(a => !IsE164(a))) f.Error(q["agents"], path + ".agents", $"\"{agent}\" is not an E.164 number with a leading '+'");
            var wait = f.Duration(q, "initialWait", path, DefaultInitialWait);
            if (wait < TimeSpan.Zero || wait > TimeSpan.FromHours(1)) f.Error(q["initialWait"], path + ".initialWait", $"{wait} is not between 0 s and 1 hour");
            queues.Add(new OsccQueueConfig(name, numbers[0], numbers[1], numbers[2], agents, wait));
        }
        if (queues.Count == 0) f.Error(oscc, p + ".queues", "needs at least one queue");
        CrossCheck(document, oscc, queues, f);
        return new OsccConfig(host, pbx, port, mode, whenDown, queues);
    }

    /// <summary>
    /// OSCC monitors a pilot's calls by the DDI lookup entry of Concierge (C 4.5.4): the entry must exist and name the
    /// same initial and music-on-hold hunt groups as the OSCC queue.
    /// </summary>
    private static void CrossCheck(TopologyDocument document, TopologyMapping oscc, List<OsccQueueConfig> queues, SectionFields f)
    {
        if (document.Concierge is not { } concierge) return;
        foreach (var queue in queues)
        {
            var path = $"oscc.queues.{queue.Name}";
            var entry = concierge.DdiEntries.FirstOrDefault(e => e.Pilot.ToString() == queue.Pilot);
            if (entry is null)
            {
                f.Error(oscc, path + ".pilot", $"\"{queue.Pilot}\" is not a DDI entry of concierge.ddiEntries");
                continue;
            }
            if (entry.Oscc is not { } groups)
            {
                f.Error(oscc, path + ".pilot", $"the DDI entry {queue.Pilot} has no oscc hunt groups");
                continue;
            }
            if (groups.InitialHuntGroup.ToString() != queue.InitialHuntGroup)
                f.Error(oscc, path + ".initialHuntGroup", $"\"{queue.InitialHuntGroup}\" differs from the DDI entry's initial hunt group {groups.InitialHuntGroup}");
            if (groups.MusicOnHoldHuntGroup.ToString() != queue.MusicOnHoldHuntGroup)
                f.Error(oscc, path + ".musicOnHoldHuntGroup", $"\"{queue.MusicOnHoldHuntGroup}\" differs from the DDI entry's music-on-hold hunt group {groups.MusicOnHoldHuntGroup}");
        }
    }

    private static bool IsE164(string number) => number.Length > 2 && number[0] == '+' && number[1..].All(char.IsAsciiDigit);
}
