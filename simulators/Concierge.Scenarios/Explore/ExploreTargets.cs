using Concierge.Config.Model;
using Concierge.Config.Topology;
using Concierge.Scenarios.Systems;
using Concierge.Scenarios.Topologies;
using Concierge.Scenarios.Worlds.Osv;

namespace Concierge.Scenarios.Explore;

/// <summary>The numbers an exploration acts on, read from the topology (full numbers).</summary>
/// <param name="Pilots">Pilot numbers of the DDI entries.</param>
/// <param name="PersonalLines">Personal lines of the attendants.</param>
/// <param name="Attendants">Attendant devices.</param>
/// <param name="Offices">Office phones of the PBX.</param>
/// <param name="Unknown">Numbers nobody answers for: an unconfigured pilot-range number and an unassigned office number.</param>
public sealed record ExploreTargets(
    IReadOnlyList<string> Pilots,
    IReadOnlyList<string> PersonalLines,
    IReadOnlyList<string> Attendants,
    IReadOnlyList<string> Offices,
    IReadOnlyList<string> Unknown)
{
    /// <summary>Reads the targets of <paramref name="topology"/> and the PBX of <paramref name="system"/>.</summary>
    public static ExploreTargets Of(TopologyInfo topology, IScenarioSystem system)
    {
        var config = (topology.Configuration as TopologyDocument)?.Concierge
                     ?? throw new InvalidOperationException($"topology {topology.Name} has no concierge: section to explore");
        var pilots = config.DdiEntries.Select(e => e.Pilot.ToString()).ToArray();
        var attendants = config.Attendants.Select(a => a.Device.ToString()).ToArray();
        var personal = config.Attendants.Select(a => a.PersonalLine.ToString()).ToArray();
        var offices = (system as OsvWorld ?? (system as Worlds.Os4000.Os4000World)?.Core ?? (system as Worlds.Oscc.OsccWorld)?.Core) is { } osv
            ? osv.Osv.Config.Subscribers.Where(s => s.Role == "office" && !s.ProfileOnly).Select(s => s.Number).Order(StringComparer.Ordinal).ToArray()
            : [];
        var unknown = new List<string>();
        if (UnconfiguredPilot(config, pilots) is { } freePilot) unknown.Add(freePilot);
        var known = new HashSet<string>(topology.Numbers, StringComparer.Ordinal);
        if (attendants.Length > 0 && attendants[0][..^4] + "9999" is var unassigned && !known.Contains(unassigned)) unknown.Add(unassigned);
        return new ExploreTargets(pilots, personal, attendants, offices, unknown);
    }

    private static string? UnconfiguredPilot(ConciergeConfig config, IReadOnlyList<string> pilots)
    {
        if (config.Ranges.Pilot is not { } range) return null;
        for (var offset = 0; offset < 100; offset++)
        {
            if (range.First.Offset(offset) is not { } candidate || candidate.CompareTo(range.Last) > 0) break;
            if (!pilots.Contains(candidate.ToString())) return candidate.ToString();
        }
        return null;
    }
}
