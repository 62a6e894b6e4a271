using System.Globalization;
using System.Xml.Linq;
using Concierge.Scenarios.Running;

namespace Concierge.Scenarios.Reports;

/// <summary>Writes a suite result as JUnit XML: one testsuite per feature file, one testcase per scenario run, pending as skipped.</summary>
public static class JUnitReport
{
    /// <summary>The JUnit document for <paramref name="suite"/>.</summary>
    public static XDocument Build(SuiteResult suite)
    {
        var root = new XElement("testsuites",
            new XAttribute("name", "concierge scenarios"),
            new XAttribute("tests", suite.Results.Count + suite.FeatureErrors.Count),
            new XAttribute("failures", suite.Failed),
            new XAttribute("skipped", suite.Skipped),
            new XAttribute("time", Seconds(suite.WallTime)));
        foreach (var feature in suite.Results.GroupBy(r => r.Case.FeaturePath))
        {
            var results = feature.ToArray();
            root.Add(new XElement("testsuite",
                new XAttribute("name", feature.Key),
                new XAttribute("tests", results.Length),
                new XAttribute("failures", results.Count(r => r.Status == ScenarioStatus.Failed)),
                new XAttribute("skipped", results.Count(r => r.Status == ScenarioStatus.Pending)),
                new XAttribute("time", Seconds(results.Aggregate(TimeSpan.Zero, (s, r) => s + r.WallTime))),
                results.Select(Case)));
        }
        if (suite.FeatureErrors.Count > 0)
        {
            root.Add(new XElement("testsuite", new XAttribute("name", "feature files"), new XAttribute("tests", suite.FeatureErrors.Count),
                new XAttribute("failures", suite.FeatureErrors.Count), new XAttribute("skipped", 0),
                suite.FeatureErrors.Select(e => new XElement("testcase", new XAttribute("classname", "features"), new XAttribute("name", e),
                    new XElement("failure", new XAttribute("message", "feature file does not parse"), e)))));
        }
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    /// <summary>Writes the document to <paramref name="path"/>.</summary>
    public static void Write(string path, SuiteResult suite)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder) Directory.CreateDirectory(folder);
        Build(suite).Save(path);
    }

    private static XElement Case(ScenarioResult result)
    {
        var element = new XElement("testcase",
            new XAttribute("classname", result.Case.FeaturePath),
            new XAttribute("name", $"{result.Case.Name} seed={result.Seed}"),
            new XAttribute("time", Seconds(result.WallTime)));
        if (result.Failure is { } failure)
            element.Add(new XElement("failure", new XAttribute("message", failure.Describe()),
                string.Join("\n", ResultLines.All(result))));
        else if (result.PendingReason is { } reason)
            element.Add(new XElement("skipped", new XAttribute("message", "pending: " + reason)));
        element.Add(new XElement("system-out", $"hash={result.Hash} virtual={SummaryTable.Format(result.VirtualTime)}"));
        return element;
    }

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
