using System.Globalization;
using System.Text;

namespace Concierge.Scenarios.Swarm;

/// <summary>One swarm seed's verdict as the CSV keeps it.</summary>
public sealed record SwarmRow(ulong Seed, string Topology, string Faults, int FaultEvents, string Hash, int Calls, int Actions, bool Passed, string Failure);

/// <summary>The swarm's CSV (one row per seed), which `merge` combines across shards.</summary>
public static class SwarmCsv
{
    /// <summary>The header.</summary>
    public const string Header = "seed,topology,faults,fault_events,hash,calls,actions,passed,failure";

    /// <summary>The CSV text of <paramref name="rows"/>, by seed.</summary>
    public static string Format(IEnumerable<SwarmRow> rows)
    {
        var text = new StringBuilder().AppendLine(Header);
        foreach (var r in rows.OrderBy(r => r.Seed))
            text.AppendLine(string.Join(',', r.Seed.ToString(CultureInfo.InvariantCulture), r.Topology, Clean(r.Faults), r.FaultEvents.ToString(CultureInfo.InvariantCulture), r.Hash,
                r.Calls.ToString(CultureInfo.InvariantCulture), r.Actions.ToString(CultureInfo.InvariantCulture), r.Passed ? "yes" : "no", Clean(r.Failure)));
        return text.ToString();
    }

    /// <summary>Reads the rows of a swarm CSV.</summary>
    public static IReadOnlyList<SwarmRow> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != Header) throw new FormatException($"{Path.GetFileName(path)}: not a swarm CSV (its header differs)");
        return lines.Skip(1).Where(l => l.Length > 0).Select((line, i) =>
        {
            var f = line.Split(',');
            if (f.Length != 9 || !ulong.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
                throw new FormatException($"{Path.GetFileName(path)}:{i + 2}: not a swarm row: {line}");
            return new SwarmRow(seed, f[1], f[2], int.Parse(f[3], CultureInfo.InvariantCulture), f[4], int.Parse(f[5], CultureInfo.InvariantCulture),
                int.Parse(f[6], CultureInfo.InvariantCulture), f[7] == "yes", f[8]);
        }).ToList();
    }

    private static string Clean(string text) => text.Replace(',', ';').Replace('\n', ' ').Replace('\r', ' ');
}
