using System.CommandLine;
using System.Globalization;
using System.Xml.Linq;
using Concierge.Scenarios.Load;
using Concierge.Scenarios.Swarm;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Cli;

/// <summary>
/// `concierge-sim merge &lt;files…&gt; [--out file]`: combines the slices of a sharded run into one report — load sweep
/// CSVs (the seed rows, summaries recomputed), swarm CSVs (rows by seed, passed and failed counted) or JUnit XML
/// files (their test suites under one root). A seed that two files both ran is an error, as are mixed kinds.
/// </summary>
public static class MergeCommand
{
    /// <summary>Builds the subcommand.</summary>
    public static Command Build(TextWriter output, string workingDirectory)
    {
        var files = new Argument<string[]>("files") { Description = "CSV files of load or swarm shards, or JUnit XML files.", Arity = ArgumentArity.OneOrMore };
        var outFile = new Option<string?>("--out") { Description = "Write the merged report here (default: print it)." };
        var html = new Option<string?>("--html") { Description = "For load CSVs: also write the HTML report of the merged sweep." };
        var command = new Command("merge", "Combine the CSV or JUnit files of shards into one report.") { files, outFile, html };
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(files)!.Select(f => Path.GetFullPath(f, workingDirectory)).ToList();
            try
            {
                foreach (var missing in paths.Where(p => !File.Exists(p))) throw new FormatException($"no file {missing}");
                var kinds = paths.Select(KindOf).Distinct().ToList();
                if (kinds.Count > 1) throw new FormatException($"the files are of different kinds ({string.Join(", ", kinds)}); merge one kind at a time");
                var (text, summary, ok) = kinds[0] switch
                {
                    "load" => MergeLoad(paths, output, parse.GetValue(html) is { } h ? Path.GetFullPath(h, workingDirectory) : null),
                    "swarm" => MergeSwarm(paths),
                    _ => MergeJUnit(paths),
                };
                if (parse.GetValue(outFile) is { } target)
                {
                    var full = Path.GetFullPath(target, workingDirectory);
                    if (Path.GetDirectoryName(full) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
                    File.WriteAllText(full, text);
                    output.WriteLine("wrote " + full);
                }
                else output.Write(text);
                output.WriteLine(summary);
                return ok ? 0 : 1;
            }
            catch (Exception e) when (e is FormatException or IOException or System.Xml.XmlException)
            {
                output.WriteLine("error: " + e.Message);
                return RunCommand.UsageError;
            }
        });
        return command;
    }

    private static string KindOf(string path)
    {
        using var reader = File.OpenText(path);
        var first = reader.ReadLine() ?? "";
        if (first == string.Join(',', LoadCsv.Columns)) return "load";
        if (first == SwarmCsv.Header) return "swarm";
        if (first.TrimStart().StartsWith('<')) return "junit";
        throw new FormatException($"{Path.GetFileName(path)} is neither a load or swarm CSV nor a JUnit XML file");
    }

    private static (string, string, bool) MergeLoad(IReadOnlyList<string> paths, TextWriter output, string? htmlPath)
    {
        var rows = new List<SeedRow>();
        var validation = LoadValidation.None;
        foreach (var path in paths)
        {
            var (part, v) = LoadCsv.Read(path);
            if (v != LoadValidation.None) validation = v;
            rows.AddRange(part);
        }
        var twice = rows.GroupBy(r => (r.Channels, r.Ratio, r.Seed)).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new FormatException($"seed {twice.Key.Seed} (channels {twice.Key.Channels}, ratio {twice.Key.Ratio}) is in more than one file");
        var cells = LoadCsv.Cells(rows, validation);
        LoadTable.Write(output, cells);
        if (htmlPath is not null)
        {
            var sample = new LoadProfile("merged", "", cells[0].Channels, cells[0].Ratio, TimeSpan.FromHours(1), 1, new ArrivalPattern(1, [], 0), [],
                new AttendantPlan([], [], DurationDistribution.Fixed(TimeSpan.FromSeconds(1))), OperationShares.NoneAtAll, DurationDistribution.Never,
                OfficeUserBehaviour.Default, null, false, "de", TimeSpan.FromSeconds(20), validation);
            File.WriteAllText(htmlPath, LoadHtml.Format(sample, cells, validation));
            output.WriteLine("wrote " + htmlPath);
        }
        var unsound = rows.Count(r => !r.Sound);
        return (LoadCsv.Format(rows, validation), $"merged {paths.Count} files: {rows.Count - unsound} passed, {unsound} failed", unsound == 0 && cells.All(c => c.AgreesWithTheory));
    }

    private static (string, string, bool) MergeSwarm(IReadOnlyList<string> paths)
    {
        var rows = paths.SelectMany(SwarmCsv.Read).ToList();
        var twice = rows.GroupBy(r => r.Seed).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new FormatException($"seed {twice.Key} is in more than one file");
        var failed = rows.Count(r => !r.Passed);
        return (SwarmCsv.Format(rows), string.Create(CultureInfo.InvariantCulture, $"{rows.Count - failed} passed, {failed} failed"), failed == 0);
    }

    private static (string, string, bool) MergeJUnit(IReadOnlyList<string> paths)
    {
        var suites = new List<XElement>();
        foreach (var path in paths)
        {
            var root = XDocument.Load(path).Root ?? throw new FormatException($"{Path.GetFileName(path)} is empty");
            suites.AddRange(root.Name.LocalName == "testsuites" ? root.Elements("testsuite") : root.Name.LocalName == "testsuite" ? [root]
                : throw new FormatException($"{Path.GetFileName(path)}: the root is <{root.Name.LocalName}>, not <testsuites> or <testsuite>"));
        }
        int Sum(string attribute) => suites.Sum(s => int.TryParse((string?)s.Attribute(attribute), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0);
        var (tests, failures, errors, skipped) = (Sum("tests"), Sum("failures"), Sum("errors"), Sum("skipped"));
        var merged = new XElement("testsuites", new XAttribute("tests", tests), new XAttribute("failures", failures), new XAttribute("errors", errors),
            new XAttribute("skipped", skipped), suites.Select(s => new XElement(s)));
        var passed = tests - failures - errors - skipped;
        return (new XDocument(new XDeclaration("1.0", "utf-8", null), merged).ToString() + Environment.NewLine,
            string.Create(CultureInfo.InvariantCulture, $"{passed} passed, {failures + errors} failed, {skipped} skipped"), failures + errors == 0);
    }
}
