using System.CommandLine;
using Concierge.Scenarios.StepLanguage;
using Concierge.Scenarios.Faults;
using Concierge.Scenarios.Reports;
using Concierge.Scenarios.Reports.Cucumber;
using Concierge.Scenarios.Reports.Ladders;
using Concierge.Scenarios.Running;
using Concierge.Scenarios.Systems;
using Concierge.Scenarios.Tags;
using Concierge.Scenarios.World;
using Spectre.Console;

namespace Concierge.Scenarios.Cli;

/// <summary>The options and action of `concierge-sim run`.</summary>
public sealed class RunCommand(TextWriter output, string workingDirectory, bool colors)
{
    /// <summary>Exit code for a bad command line or an unreadable input (profile, tag expression, path).</summary>
    public const int UsageError = 2;

    private readonly Option<string?> _tags = new("--tags") { Description = "Tag expression, e.g. \"@osv and not @slow\"." };
    private readonly Option<string?> _feature = new("--feature") { Description = "A feature file or folder (default: features/)." };
    private readonly Option<ulong> _seed = new("--seed") { Description = "The first seed (default 1).", DefaultValueFactory = _ => RunOptions.DefaultSeed };
    private readonly Option<int> _seeds = new("--seeds") { Description = "Run each scenario with this many consecutive seeds.", DefaultValueFactory = _ => 1 };
    private readonly Option<string?> _faults = new("--faults") { Description = "Fault profile in scenarios/faults/ (e.g. lossy, slow) applied to every link." };
    private readonly Option<string?> _junit = new("--junit") { Description = "Write a JUnit XML report to this file." };
    private readonly Option<string?> _html = new("--html") { Description = "Write Cucumber's HTML report (a ladder diagram on every scenario) to this file." };
    private readonly Option<string?> _messages = new("--messages") { Description = "Write the run as Cucumber Messages (NDJSON) to this file." };
    private readonly Option<string?> _ladders = new("--ladders") { Description = "Write an SVG ladder diagram (SIP and CSTA messages per host) of every scenario run to this folder." };
    private readonly Option<string[]> _bindings = new("--bindings") { Description = "A Reqnroll binding assembly (.dll) whose phrases join the runner's; repeatable.", AllowMultipleArgumentsPerToken = false };
    private readonly Option<string?> _trace = new("--trace") { Description = "Write the full message trace of every run to this file." };

    /// <summary>Adds the options and the action to <paramref name="command"/>.</summary>
    public void AttachTo(Command command)
    {
        foreach (var option in new Option[] { _tags, _feature, _seed, _seeds, _faults, _junit, _html, _messages, _ladders, _bindings, _trace }) command.Options.Add(option);
        command.SetAction(Execute);
    }

    private int Execute(ParseResult parse)
    {
        var root = RepositoryRoot.Find(workingDirectory) ?? workingDirectory;
        TagExpression tags;
        FaultProfile? faults = null;
        var seeds = parse.GetValue(_seeds);
        try
        {
            tags = TagExpression.Parse(parse.GetValue(_tags));
            if (parse.GetValue(_faults) is { } profile) faults = FaultProfileLoader.Load(root, Path.IsPathRooted(profile) || File.Exists(Path.Combine(workingDirectory, profile)) ? Path.GetFullPath(profile, workingDirectory) : profile);
            if (seeds is < 1 or > SuiteRunner.MaxSeeds) throw new FormatException($"--seeds must be between 1 and {SuiteRunner.MaxSeeds}");
            foreach (var dll in parse.GetValue(_bindings) ?? []) BindingAssemblies.AddFile(Path.GetFullPath(dll, workingDirectory));
        }
        catch (Exception e) when (e is FormatException or FileNotFoundException or FileLoadException or YamlDotNet.Core.YamlException)
        {
            output.WriteLine("error: " + e.Message);
            return UsageError;
        }

        var target = parse.GetValue(_feature) is { } feature ? Path.GetFullPath(feature, workingDirectory) : Path.Combine(root, "features");
        using var traceWriter = parse.GetValue(_trace) is { } tracePath ? OpenWriter(Path.GetFullPath(tracePath, workingDirectory)) : null;
        var environment = new ScenarioEnvironment(root, faults, ScenarioSystemCatalog.Standard, traceWriter);
        StepCatalog catalog;
        try
        {
            catalog = StepCatalog.FromAssembly(typeof(ScenarioWorld).Assembly);
        }
        catch (InvalidOperationException e)
        {
            output.WriteLine("error: " + e.Message);
            return UsageError;
        }
        var (htmlPath, messagesPath, laddersPath) = (parse.GetValue(_html), parse.GetValue(_messages), parse.GetValue(_ladders));
        var runner = new SuiteRunner(catalog, environment, TimeProvider.System) { RecordLadders = htmlPath is not null || messagesPath is not null || laddersPath is not null };
        var startedAt = TimeProvider.System.GetUtcNow();
        SuiteResult suite;
        try
        {
            suite = runner.Run(target, new RunOptions(tags, parse.GetValue(_seed), seeds),
                result => { foreach (var line in ResultLines.All(result)) output.WriteLine(line); },
                error => output.WriteLine("FAIL " + error));
        }
        catch (FileNotFoundException e)
        {
            output.WriteLine("error: " + e.Message);
            return UsageError;
        }

        if (faults is not null) output.WriteLine($"fault profile: {faults.Name} — {faults.Description}");
        SummaryTable.Write(Console(), suite);
        if (parse.GetValue(_junit) is { } junit) JUnitReport.Write(Path.GetFullPath(junit, workingDirectory), suite);
        if (messagesPath is not null) CucumberReports.WriteMessages(Path.GetFullPath(messagesPath, workingDirectory), CucumberEnvelopes.Build(suite, catalog, startedAt));
        if (htmlPath is not null) CucumberReports.WriteHtml(Path.GetFullPath(htmlPath, workingDirectory), CucumberEnvelopes.Build(suite, catalog, startedAt));
        if (laddersPath is not null) LadderFiles.Write(Path.GetFullPath(laddersPath, workingDirectory), suite);
        output.WriteLine(suite.SummaryLine);
        output.Flush();
        return suite.ExitCode;
    }

    private IAnsiConsole Console()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = colors ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = colors ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = Math.Max(console.Profile.Width, 120);
        return console;
    }

    private static StreamWriter OpenWriter(string path)
    {
        if (Path.GetDirectoryName(path) is { } folder) Directory.CreateDirectory(folder);
        return new StreamWriter(path, append: false) { AutoFlush = false };
    }
}
