using System.Globalization;
using System.Net;
using System.Text;

namespace Concierge.Scenarios.Load;

/// <summary>
/// The sweep's HTML report: the summary table and SVG line charts of blocking, ASA and refused operational requests
/// against the ratio (one line per channel count) and against the channels (one line per ratio), with the analytic
/// curve dashed where the profile has one (Erlang B for blocking, Erlang C's mean wait for ASA).
/// </summary>
public static class LoadHtml
{
    private const int Width = 460, Height = 280, Left = 56, Right = 16, Top = 28, Bottom = 40;
    private static readonly string[] Colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"];

    /// <summary>The report for the cells of <paramref name="profile"/>.</summary>
    public static string Format(LoadProfile profile, IReadOnlyList<CellSummary> cells, LoadValidation validation)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Load sweep ").Append(E(profile.Name)).Append("</title>")
            .Append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}")
            .Append("svg{margin:8px;border:1px solid #eee}.charts{display:flex;flex-wrap:wrap}</style></head><body>");
        html.Append("<h1>Load sweep: ").Append(E(profile.Name)).Append("</h1><p>").Append(E(Describe(profile))).Append("</p>");
        html.Append("<table><tr><th>channels</th><th>ratio</th><th>processing</th><th>operational</th><th>seeds</th><th>calls</th><th>offered erl</th><th>blocked %</th><th>±95 %</th>")
            .Append("<th>analytic %</th><th>ASA s</th><th>service level %</th><th>P(wait) %</th><th>abandoned %</th><th>refused operational</th><th>speed-up</th></tr>");
        foreach (var c in cells)
            html.Append("<tr>").Append(string.Concat(new[]
            {
                I(c.Channels), I(c.Ratio), I(c.Processing), I(c.Operational), I(c.Seeds), I(c.Calls), N(c.OfferedErlangs), N(c.Blocked.Mean), N(c.Blocked.HalfWidth95),
                c.AnalyticPct is { } a ? N(a) : "", N(c.Asa.Mean), N(c.ServiceLevel.Mean), N(c.PWait.Mean), N(c.Abandoned.Mean), I(c.RefusedOperational), N(c.SpeedUp),
            }.Select(v => "<td>" + v + "</td>"))).Append("</tr>");
        html.Append("</table><div class=\"charts\">");
        var byRatio = cells.GroupBy(c => c.Channels).ToList();
        var byChannels = cells.GroupBy(c => c.Ratio).ToList();
        double? ErlangBlocking(CellSummary c) => validation == LoadValidation.ErlangB ? 100 * Erlang.B(c.Processing, c.OfferedErlangs) : null;
        double? ErlangWait(CellSummary c) => validation == LoadValidation.ErlangC
            ? Erlang.MeanWaitSeconds(Math.Max(1, c.Attendants), c.OfferedErlangs, profile.Attendants.Handling.Mean.TotalSeconds) : null;
        Chart(html, "Blocked calls (%) against the ratio", "ratio", byRatio, c => c.Ratio, c => c.Blocked.Mean, ErlangBlocking, g => $"{g} channels");
        Chart(html, "ASA (s) against the ratio", "ratio", byRatio, c => c.Ratio, c => c.Asa.Mean, ErlangWait, g => $"{g} channels");
        Chart(html, "Refused operational requests against the ratio", "ratio", byRatio, c => c.Ratio, c => c.RefusedOperational, _ => null, g => $"{g} channels");
        Chart(html, "Blocked calls (%) against the channels", "channels", byChannels, c => c.Channels, c => c.Blocked.Mean, ErlangBlocking, g => $"ratio {g}");
        Chart(html, "ASA (s) against the channels", "channels", byChannels, c => c.Channels, c => c.Asa.Mean, ErlangWait, g => $"ratio {g}");
        Chart(html, "Refused operational requests against the channels", "channels", byChannels, c => c.Channels, c => c.RefusedOperational, _ => null, g => $"ratio {g}");
        html.Append("</div></body></html>");
        return html.ToString();
    }

    /// <summary>One line of what a profile is.</summary>
    public static string Describe(LoadProfile p) => string.Create(CultureInfo.InvariantCulture,
        $"topology {p.Topology}, {p.CallsPerHour:0.#} calls/h for {Config.Durations.DurationText.Format(p.Duration)}, {p.Attendants.PeakCount} attendants handling {p.Attendants.Handling}, patience {p.Patience}");

    private static void Chart(StringBuilder html, string title, string xLabel, IReadOnlyList<IGrouping<int, CellSummary>> series,
        Func<CellSummary, double> x, Func<CellSummary, double> y, Func<CellSummary, double?> analytic, Func<int, string> name)
    {
        var all = series.SelectMany(s => s).ToList();
        if (all.Count == 0) return;
        var xs = all.Select(x).ToList();
        var ys = all.Select(y).Concat(all.Select(analytic).Where(v => v is { } d && !double.IsInfinity(d)).Select(v => v!.Value)).ToList();
        double x0 = xs.Min(), x1 = xs.Max(), y1 = Math.Max(ys.Max() * 1.1, 1e-9);
        if (x1 <= x0) { x0 -= 1; x1 += 1; }
        double Px(double v) => Left + (v - x0) / (x1 - x0) * (Width - Left - Right);
        double Py(double v) => Height - Bottom - v / y1 * (Height - Top - Bottom);
        var c = CultureInfo.InvariantCulture;
        html.Append(string.Create(c, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\">"));
        html.Append(string.Create(c, $"<text x=\"{Width / 2}\" y=\"16\" text-anchor=\"middle\" font-size=\"13\">{E(title)}</text>"));
        html.Append(string.Create(c, $"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"#333\"/><line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"#333\"/>"));
        foreach (var tick in xs.Distinct().Order())
            html.Append(string.Create(c, $"<text x=\"{Px(tick):0.#}\" y=\"{Height - Bottom + 14}\" text-anchor=\"middle\" font-size=\"10\">{tick:0.##}</text>"));
        for (var i = 0; i <= 4; i++)
            html.Append(string.Create(c, $"<text x=\"{Left - 4}\" y=\"{Py(y1 * i / 4) + 3:0.#}\" text-anchor=\"end\" font-size=\"10\">{y1 * i / 4:0.##}</text>"));
        html.Append(string.Create(c, $"<text x=\"{Width / 2}\" y=\"{Height - 6}\" text-anchor=\"middle\" font-size=\"11\">{E(xLabel)}</text>"));
        for (var s = 0; s < series.Count; s++)
        {
            var colour = Colours[s % Colours.Length];
            var points = series[s].OrderBy(x).ToList();
            html.Append($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"")
                .Append(string.Join(' ', points.Select(p => string.Create(c, $"{Px(x(p)):0.#},{Py(y(p)):0.#}")))).Append("\"/>");
            foreach (var p in points) html.Append(string.Create(c, $"<circle cx=\"{Px(x(p)):0.#}\" cy=\"{Py(y(p)):0.#}\" r=\"3\" fill=\"{colour}\"/>"));
            var theory = points.Where(p => analytic(p) is { } v && !double.IsInfinity(v)).ToList();
            if (theory.Count > 0)
                html.Append($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-dasharray=\"5,4\" points=\"")
                    .Append(string.Join(' ', theory.Select(p => string.Create(c, $"{Px(x(p)):0.#},{Py(analytic(p)!.Value):0.#}")))).Append("\"/>");
            html.Append(string.Create(c, $"<text x=\"{Width - Right - 4}\" y=\"{Top + 12 + 12 * s}\" text-anchor=\"end\" font-size=\"10\" fill=\"{colour}\">{E(name(series[s].Key))}{(theory.Count > 0 ? " (dashed: analytic)" : "")}</text>"));
        }
        html.Append("</svg>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string N(double v) => double.IsNaN(v) ? "" : v.ToString("0.##", CultureInfo.InvariantCulture);
}
