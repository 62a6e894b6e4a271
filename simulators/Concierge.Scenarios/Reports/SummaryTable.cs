using System.Globalization;
using Concierge.Scenarios.Running;
using Spectre.Console;

namespace Concierge.Scenarios.Reports;

/// <summary>The summary table printed after the scenario lines: features, scenarios, outcomes, virtual time simulated, wall time.</summary>
public static class SummaryTable
{
    /// <summary>Writes the table to <paramref name="console"/>.</summary>
    public static void Write(IAnsiConsole console, SuiteResult suite)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("features").AddColumn("scenarios").AddColumn("passed")
            .AddColumn("failed").AddColumn("skipped").AddColumn("virtual time simulated").AddColumn("wall time");
        table.AddRow(
            suite.FeatureCount.ToString(CultureInfo.InvariantCulture),
            suite.Results.Count.ToString(CultureInfo.InvariantCulture),
            $"[green]{suite.Passed}[/]",
            suite.Failed > 0 ? $"[red]{suite.Failed}[/]" : "0",
            suite.Skipped > 0 ? $"[yellow]{suite.Skipped}[/]" : "0",
            Format(suite.VirtualTime),
            Format(suite.WallTime));
        console.Write(table);
    }

    /// <summary>A duration as `1h 02m 03.456s`, `2m 03.456s` or `3.456s`.</summary>
    public static string Format(TimeSpan duration) =>
        duration.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours}h {duration.Minutes:00}m {duration.Seconds:00}.{duration.Milliseconds:000}s")
        : duration.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{duration.Minutes}m {duration.Seconds:00}.{duration.Milliseconds:000}s")
        : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.000}s");
}
