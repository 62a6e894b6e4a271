using System.Globalization;
using System.Xml.Linq;

namespace Concierge.Scenarios.Reports;

/// <summary>One seed of a load, explore or swarm run as a JUnit test case.</summary>
/// <param name="Name">The case name (with the seed).</param>
/// <param name="Failure">What broke, or null when the seed passed.</param>
/// <param name="Details">The failure's details (violations, last actions, the replay command).</param>
/// <param name="Seconds">Wall time of the seed.</param>
/// <param name="Output">The seed's line (hash, calls …).</param>
public sealed record SeedCase(string Name, string? Failure, string Details, double Seconds, string Output);

/// <summary>
/// JUnit XML for seed runs (`--junit file` of load, explore and swarm): one testsuite, one testcase per seed, sorted
/// by name, so CI shows each seed and `merge` combines the files of shards.
/// </summary>
public static class SeedJUnit
{
    /// <summary>The document of <paramref name="cases"/> in the suite <paramref name="suite"/>.</summary>
    public static XDocument Build(string suite, IEnumerable<SeedCase> cases)
    {
        var all = cases.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        var c = CultureInfo.InvariantCulture;
        var element = new XElement("testsuite",
            new XAttribute("name", suite),
            new XAttribute("tests", all.Count),
            new XAttribute("failures", all.Count(x => x.Failure is not null)),
            new XAttribute("skipped", 0),
            new XAttribute("time", all.Sum(x => x.Seconds).ToString("0.000", c)),
            all.Select(x =>
            {
                var test = new XElement("testcase", new XAttribute("classname", suite), new XAttribute("name", x.Name), new XAttribute("time", x.Seconds.ToString("0.000", c)));
                if (x.Failure is { } failure) test.Add(new XElement("failure", new XAttribute("message", failure), x.Details));
                test.Add(new XElement("system-out", x.Output));
                return test;
            }));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("testsuites", new XAttribute("name", suite), element));
    }

    /// <summary>Writes the document to <paramref name="path"/>.</summary>
    public static void Write(string path, string suite, IEnumerable<SeedCase> cases)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        Build(suite, cases).Save(path);
    }
}
