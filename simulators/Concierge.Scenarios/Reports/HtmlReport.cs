using System.Net;
using System.Text;
using Concierge.Scenarios.Running;

namespace Concierge.Scenarios.Reports;

/// <summary>Writes a suite result as one self-contained HTML page: summary, every scenario with coloured steps, failure traces.</summary>
public static class HtmlReport
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:2em;color:#222}
        h1{font-size:1.4em} .summary span{margin-right:1.5em;font-weight:bold}
        details{border:1px solid #ddd;border-radius:6px;margin:.4em 0;padding:.3em .8em}
        summary{cursor:pointer} .tag{color:#777;font-size:.85em;margin-left:.5em}
        .PASS{color:#1a7f37} .FAIL{color:#cf222e} .PENDING{color:#9a6700}
        ol{margin:.4em 0} li.Passed{color:#1a7f37} li.Failed{color:#cf222e;font-weight:bold} li.Pending{color:#9a6700} li.Skipped{color:#8c959f}
        .msg{display:block;margin-left:1em;font-weight:normal} pre{background:#f6f8fa;padding:.6em;overflow:auto;font-size:.85em}
        """;

    /// <summary>The page for <paramref name="suite"/>.</summary>
    public static string Build(SuiteResult suite)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Concierge scenarios</title><style>")
            .Append(Style).Append("</style></head><body><h1>Concierge scenarios</h1><p class=\"summary\">")
            .Append($"<span class=\"PASS\">{suite.Passed} passed</span><span class=\"FAIL\">{suite.Failed} failed</span><span class=\"PENDING\">{suite.Skipped} skipped</span>")
            .Append($"<span>{suite.FeatureCount} features</span><span>virtual time {E(SummaryTable.Format(suite.VirtualTime))}</span><span>wall time {E(SummaryTable.Format(suite.WallTime))}</span></p>");
        foreach (var error in suite.FeatureErrors)
            html.Append($"<details open><summary class=\"FAIL\">FAIL {E(error)}</summary></details>");
        foreach (var feature in suite.Results.GroupBy(r => r.Case.FeaturePath))
        {
            html.Append($"<h2>{E(feature.Key)} — {E(feature.First().Case.FeatureName)}</h2>");
            foreach (var result in feature) Scenario(html, result);
        }
        return html.Append("</body></html>").ToString();
    }

    /// <summary>Writes the page to <paramref name="path"/>.</summary>
    public static void Write(string path, SuiteResult suite)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder) Directory.CreateDirectory(folder);
        File.WriteAllText(path, Build(suite), new UTF8Encoding(false));
    }

    private static void Scenario(StringBuilder html, ScenarioResult result)
    {
        var word = ResultLines.Word(result.Status);
        html.Append(result.Status == ScenarioStatus.Failed ? "<details open>" : "<details>")
            .Append($"<summary><span class=\"{word}\">{word}</span> {E(result.Case.Name)} <span class=\"tag\">seed={result.Seed} hash={result.Hash} {E(string.Join(" ", result.Case.Tags))}</span></summary><ol>");
        foreach (var step in result.Steps)
        {
            html.Append($"<li class=\"{step.Status}\">{E(step.Step.Display)}");
            if (step.Step.Table is { } table)
                html.Append("<pre>").Append(E(string.Join("\n", table.Rows.Select(r => "| " + string.Join(" | ", r) + " |")))).Append("</pre>");
            if (step.Message is { } message) html.Append($"<span class=\"msg\">{E(message)}</span>");
            html.Append("</li>");
        }
        html.Append("</ol>");
        if (result.Failure is { } failure)
        {
            html.Append($"<p class=\"FAIL\">{E(failure.Describe())}</p><pre>")
                .Append(E(string.Join("\n", result.TraceTail))).Append("</pre>");
        }
        else if (result.PendingReason is { } reason)
        {
            html.Append($"<p class=\"PENDING\">pending: {E(reason)}</p>");
        }
        html.Append("</details>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
