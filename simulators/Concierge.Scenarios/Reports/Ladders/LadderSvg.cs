using System.Globalization;
using System.Net;
using System.Text;

namespace Concierge.Scenarios.Reports.Ladders;

/// <summary>
/// Draws a <see cref="LadderRecording"/> as an SVG sequence chart: one column per host (caller side first, then the PBX,
/// the CPS and the phones), one arrow per message in virtual-time order with its time on the left, a band where each step
/// begins; the failing step's band is red.
/// </summary>
public static class LadderSvg
{
    private const int ColumnWidth = 190;
    private const int Left = 90;
    private const int Top = 46;
    private const int RowHeight = 20;

    /// <summary>The SVG document of <paramref name="ladder"/>; <paramref name="failedStep"/> (1-based, 0 for none) is marked.</summary>
    public static string Build(LadderRecording ladder, string title, int failedStep)
    {
        var hosts = ColumnOrder(ladder.Hosts);
        var x = hosts.Select((h, i) => (h, x: Left + ColumnWidth / 2 + i * ColumnWidth)).ToDictionary(p => p.h, p => p.x);
        var width = Left + Math.Max(1, hosts.Count) * ColumnWidth + 20;
        var rows = ladder.Entries.Count + (ladder.Dropped > 0 ? 1 : 0);
        var height = Top + rows * RowHeight + 30;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.Append("<defs><marker id=\"a\" markerWidth=\"8\" markerHeight=\"8\" refX=\"7\" refY=\"4\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"#555\"/></marker></defs>");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"8\" y=\"16\" font-size=\"13\" font-weight=\"bold\">{E(title)}</text>");
        foreach (var (host, hx) in x)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{hx - 60}\" y=\"24\" width=\"120\" height=\"18\" rx=\"3\" fill=\"#eef2f7\" stroke=\"#8899aa\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{hx}\" y=\"37\" text-anchor=\"middle\" font-weight=\"bold\">{E(host)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{hx}\" y1=\"42\" x2=\"{hx}\" y2=\"{height - 10}\" stroke=\"#c0c8d0\" stroke-dasharray=\"4,3\"/>");
        }
        var y = Top;
        foreach (var entry in ladder.Entries)
        {
            y += RowHeight;
            switch (entry)
            {
                case LadderStep step:
                    var failed = step.Number == failedStep;
                    svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{y - 14}\" width=\"{width}\" height=\"18\" fill=\"{(failed ? "#ffd7d5" : "#f3f6fa")}\"/>");
                    svg.Append(CultureInfo.InvariantCulture, $"<text x=\"8\" y=\"{y}\" fill=\"{(failed ? "#cf222e" : "#444")}\" font-style=\"italic\">{Time(step.At)}  step {step.Number}: {E(step.Display)}{(failed ? "  ✗ failed" : "")}</text>");
                    break;
                case LadderArrow arrow when x.TryGetValue(arrow.From, out var x1) && x.TryGetValue(arrow.To, out var x2):
                    var colour = arrow.Protocol == LadderProtocol.Sip ? (arrow.Label.Length > 0 && char.IsDigit(arrow.Label[0]) ? "#0a6b3d" : "#0550ae") : "#8250df";
                    svg.Append(CultureInfo.InvariantCulture, $"<text x=\"8\" y=\"{y}\" fill=\"#777\">{Time(arrow.At)}</text>");
                    svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x1}\" y1=\"{y - 4}\" x2=\"{x2}\" y2=\"{y - 4}\" stroke=\"{colour}\" stroke-width=\"1.3\" marker-end=\"url(#a)\"/>");
                    svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(x1 + x2) / 2}\" y=\"{y - 7}\" text-anchor=\"middle\" fill=\"{colour}\">{E(arrow.Label)}</text>");
                    break;
            }
        }
        if (ladder.Dropped > 0)
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"8\" y=\"{y + RowHeight}\" fill=\"#9a6700\">… {ladder.Dropped} more messages not drawn</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Caller side (pstn, caller) first, then the PBX and other hosts, then the CPS servers, then the phones.</summary>
    public static IReadOnlyList<string> ColumnOrder(IReadOnlyList<string> hosts) =>
        hosts.Select((h, i) => (h, i)).OrderBy(p => Rank(p.h)).ThenBy(p => p.i).Select(p => p.h).ToArray();

    private static int Rank(string host)
    {
        var name = host.ToLowerInvariant();
        if (name.Contains("pstn") || name.Contains("caller") || name.Contains("trunk")) return 0;
        if (name.StartsWith("cps", StringComparison.Ordinal) || name.StartsWith("osc", StringComparison.Ordinal) && !name.StartsWith("oscc", StringComparison.Ordinal)) return 2;
        if (name.Contains("phone") || name.Contains("client")) return 3;
        return 1;
    }

    private static string Time(TimeSpan at) => at.ToString(@"h\:mm\:ss\.fff", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
