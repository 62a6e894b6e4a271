using System.Globalization;
using System.Text;

namespace Concierge.Scenarios.Load;

/// <summary>
/// The sweep's CSV: one `cell` row per (channels, ratio) with the summary over its seeds, then one `seed` row per
/// seed with exact numbers — the rows `merge` reads back to combine shards.
/// </summary>
public static class LoadCsv
{
    /// <summary>The columns, in order: the issue's list first, then the seed, intervals, analytic value and hash.</summary>
    public static readonly string[] Columns =
    [
        "channels", "ratio", "processing", "operational", "attendants", "seeds", "calls", "offered_erlangs", "blocked_pct", "blocked_ci95",
        "refused_operational", "asa_s", "service_level_pct", "pwait_pct", "abandoned_pct", "max_concurrent", "sim_hours", "wall_s", "speedup",
        "us_per_call", "alloc_kb_per_call", "row", "seed", "answered", "pwait_ci95", "asa_ci95", "analytic", "analytic_pct", "hash", "sound",
    ];

    /// <summary>The columns that do not depend on the machine or its load (what merged shards must reproduce).</summary>
    public static readonly string[] Deterministic = Columns.Except(["wall_s", "speedup", "us_per_call", "alloc_kb_per_call"]).ToArray();

    /// <summary>The CSV text of <paramref name="rows"/>.</summary>
    public static string Format(IReadOnlyList<SeedRow> rows, LoadValidation validation)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', Columns));
        var model = validation switch { LoadValidation.ErlangB => "erlang-b", LoadValidation.ErlangC => "erlang-c", _ => "" };
        foreach (var cell in Cells(rows, validation))
        {
            text.AppendLine(string.Join(',', F(cell.Channels), F(cell.Ratio), F(cell.Processing), F(cell.Operational), F(cell.Attendants), F(cell.Seeds), F(cell.Calls),
                D(cell.OfferedErlangs), D(cell.Blocked.Mean), D(cell.Blocked.HalfWidth95), F(cell.RefusedOperational), D(cell.Asa.Mean), D(cell.ServiceLevel.Mean),
                D(cell.PWait.Mean), D(cell.Abandoned.Mean), F(cell.MaxConcurrent), D(cell.SimHours), D(cell.WallSeconds), D(cell.SpeedUp), D(cell.MicrosecondsPerCall),
                D(cell.AllocKbPerCall), "cell", "", F(cell.Answered), D(cell.PWait.HalfWidth95), D(cell.Asa.HalfWidth95), cell.AnalyticModel ?? "",
                cell.AnalyticPct is { } a ? D(a) : "", "", cell.Unsound == 0 ? "yes" : "no"));
        }
        foreach (var r in rows.OrderBy(r => r.Channels).ThenBy(r => r.Ratio).ThenBy(r => r.Seed))
        {
            var speed = r.WallSeconds > 0 ? r.SimHours * 3600 / r.WallSeconds : 0;
            text.AppendLine(string.Join(',', F(r.Channels), F(r.Ratio), F(r.Processing), F(r.Operational), F(r.Attendants), "1", F(r.Calls),
                X(r.OfferedErlangs), X(r.BlockedPct), "", F(r.RefusedOperational), X(r.AsaSeconds), X(r.ServiceLevelPct), X(r.PWaitPct), X(r.AbandonedPct),
                F(r.MaxConcurrent), X(r.SimHours), X(r.WallSeconds), D(speed), D(r.Answered > 0 ? r.WallSeconds * 1e6 / r.Answered : 0),
                X(r.Answered > 0 ? r.AllocKb / r.Answered : 0), "seed", r.Seed.ToString(CultureInfo.InvariantCulture), F(r.Answered), "", "", model, "", r.Hash,
                r.Sound ? "yes" : "no"));
        }
        return text.ToString();
    }

    /// <summary>The cells of <paramref name="rows"/>, by channels then ratio.</summary>
    public static IReadOnlyList<CellSummary> Cells(IReadOnlyList<SeedRow> rows, LoadValidation validation) =>
        rows.GroupBy(r => (r.Channels, r.Ratio)).OrderBy(g => g.Key.Channels).ThenBy(g => g.Key.Ratio)
            .Select(g => CellSummary.Of(g.ToList(), validation)).ToList();

    /// <summary>Reads the seed rows of a sweep CSV (and which analytic model it was checked against).</summary>
    public static (IReadOnlyList<SeedRow> Rows, LoadValidation Validation) Read(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != string.Join(',', Columns)) throw new FormatException($"{Path.GetFileName(path)}: not a load sweep CSV (its header differs)");
        var index = Columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var rows = new List<SeedRow>();
        var validation = LoadValidation.None;
        for (var n = 1; n < lines.Length; n++)
        {
            if (lines[n].Length == 0) continue;
            var f = lines[n].Split(',');
            if (f.Length != Columns.Length) throw new FormatException($"{Path.GetFileName(path)}:{n + 1}: {f.Length} fields, expected {Columns.Length}");
            if (f[index["row"]] != "seed") continue;
            string V(string column) => f[index[column]];
            int I(string column) => int.TryParse(V(column), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v
                : throw new FormatException($"{Path.GetFileName(path)}:{n + 1}: {column}: \"{V(column)}\" is not a whole number");
            double R(string column) => double.TryParse(V(column), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
                : throw new FormatException($"{Path.GetFileName(path)}:{n + 1}: {column}: \"{V(column)}\" is not a number");
            var answered = I("answered");
            validation = V("analytic") switch { "erlang-b" => LoadValidation.ErlangB, "erlang-c" => LoadValidation.ErlangC, _ => validation };
            rows.Add(new SeedRow(I("channels"), I("ratio"), I("processing"), I("operational"), I("attendants"),
                ulong.Parse(V("seed"), CultureInfo.InvariantCulture), I("calls"), answered, R("offered_erlangs"), R("blocked_pct"), I("refused_operational"),
                R("asa_s"), R("service_level_pct"), R("pwait_pct"), R("abandoned_pct"), I("max_concurrent"), R("sim_hours"), R("wall_s"),
                R("alloc_kb_per_call") * answered, V("hash"), V("sound") == "yes"));
        }
        return (rows, validation);
    }

    private static string F(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D(double value) => double.IsNaN(value) || double.IsInfinity(value) ? "" : value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string X(double value) => SeedRow.Exact(value);
}
