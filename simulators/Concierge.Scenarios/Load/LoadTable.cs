using System.Globalization;

namespace Concierge.Scenarios.Load;

/// <summary>The plain-text table of a sweep: one line per (channels, ratio).</summary>
public static class LoadTable
{
    /// <summary>Writes the table of <paramref name="cells"/>.</summary>
    public static void Write(TextWriter output, IReadOnlyList<CellSummary> cells)
    {
        var header = new[] { "channels", "ratio", "proc/oper", "att", "seeds", "calls", "offered", "blocked %", "±95%", "analytic %", "ASA s", "SL %", "P(wait) %", "abandon %", "refused op", "max conc", "speed-up", "us/call", "KB/call" };
        var lines = cells.Select(c => new[]
        {
            I(c.Channels), I(c.Ratio), $"{I(c.Processing)}/{I(c.Operational)}", I(c.Attendants), I(c.Seeds), I(c.Calls), N(c.OfferedErlangs, "0.###"),
            N(c.Blocked.Mean, "0.###"), N(c.Blocked.HalfWidth95, "0.###"), c.AnalyticPct is { } a ? N(a, "0.###") : "-", N(c.Asa.Mean, "0.##"), N(c.ServiceLevel.Mean, "0.#"),
            N(c.PWait.Mean, "0.##"), N(c.Abandoned.Mean, "0.##"), I(c.RefusedOperational), I(c.MaxConcurrent), N(c.SpeedUp, "0"), N(c.MicrosecondsPerCall, "0"), N(c.AllocKbPerCall, "0"),
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, lines.Count == 0 ? 0 : lines.Max(l => l[i].Length))).ToArray();
        output.WriteLine(string.Join("  ", header.Select((h, i) => h.PadLeft(widths[i]))));
        foreach (var line in lines) output.WriteLine(string.Join("  ", line.Select((v, i) => v.PadLeft(widths[i]))));
    }

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string N(double v, string format) => double.IsNaN(v) ? "-" : v.ToString(format, CultureInfo.InvariantCulture);
}
