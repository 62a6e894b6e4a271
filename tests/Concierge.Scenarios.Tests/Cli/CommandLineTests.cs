using Concierge.Scenarios.Cli;
using Concierge.Scenarios.Tests.Support;

namespace Concierge.Scenarios.Tests.Cli;

public sealed class CommandLineTests
{
    private const string Passing = """
        @osv
        Feature: Channels
          Scenario: Ten channels
            Given the CPS has 10 channels with channel ratio 3
            When 5 seconds pass
            Then the CPS has 6 processing channels and 4 operational channels
            And no call is lost
        """;

    private const string Mixed = """
        Feature: Mixed
          @slow
          Scenario: Wrong split
            Given the CPS has 10 channels with channel ratio 3
            Then the CPS has 7 processing channels and 3 operational channels
          Scenario: Needs an engine
            Then the JWT status is "Active"
            Then no call is lost
        """;

    private static (int exit, string[] lines) Run(TempFolder folder, params string[] args)
    {
        using var output = new StringWriter();
        var exit = SimCommandLine.Invoke(args, output, folder.Path, colors: false);
        return (exit, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray());
    }

    private static TempFolder Repository()
    {
        var folder = new TempFolder();
        foreach (var name in new[] { "osv-example" })
            folder.Write($"scenarios/topologies/{name}.yaml", File.ReadAllText(Path.Combine(TestRepository.Root, "scenarios", "topologies", name + ".yaml")));
        folder.Write("scenarios/faults/lossy.yaml", File.ReadAllText(Path.Combine(TestRepository.Root, "scenarios", "faults", "lossy.yaml")));
        folder.Write("features/a/pass.feature", Passing);
        return folder;
    }

    [Fact]
    public void All_passing_exits_zero_with_the_summary_as_last_line()
    {
        using var folder = Repository();
        var (exit, lines) = Run(folder);
        Assert.Equal(0, exit);
        Assert.Matches("^PASS features/a/pass.feature :: Ten channels seed=1 hash=[0-9a-f]{16}$", lines[0]);
        Assert.Contains(lines, l => l.Contains("virtual time", StringComparison.Ordinal));
        Assert.Equal("1 passed, 0 failed, 0 skipped", lines[^1]);
        var (runExit, runLines) = Run(folder, "run");
        Assert.Equal(0, runExit);
        Assert.Equal(lines[0], runLines[0]);
    }

    [Fact]
    public void A_failure_exits_non_zero_and_pending_counts_as_skipped()
    {
        using var folder = Repository();
        folder.Write("features/b/mixed.feature", Mixed);
        var (exit, lines) = Run(folder, "run", "--junit", "out/junit.xml", "--html", "out/report.html", "--trace", "out/trace.txt");
        Assert.Equal(1, exit);
        Assert.Contains(lines, l => l.StartsWith("FAIL features/b/mixed.feature :: Wrong split seed=1 hash=", StringComparison.Ordinal));
        Assert.Contains("     step 2: Then the CPS has 7 processing channels and 3 operational channels — observed: 6 processing channels and 4 operational channels", lines);
        Assert.Contains(lines, l => l.StartsWith("PENDING features/b/mixed.feature :: Needs an engine seed=1 hash=", StringComparison.Ordinal));
        Assert.Equal("1 passed, 1 failed, 1 skipped", lines[^1]);
        Assert.Contains("<testsuites", File.ReadAllText(Path.Combine(folder.Path, "out/junit.xml")));
        Assert.Contains("Wrong split", File.ReadAllText(Path.Combine(folder.Path, "out/report.html")));
        Assert.Contains("step Then the CPS has 7 processing channels", File.ReadAllText(Path.Combine(folder.Path, "out/trace.txt")));
    }

    [Fact]
    public void Tags_feature_and_seeds_select_the_runs()
    {
        using var folder = Repository();
        folder.Write("features/b/mixed.feature", Mixed);
        Assert.Equal("0 passed, 0 failed, 1 skipped", Run(folder, "--tags", "not @slow and not @osv").lines[^1]);
        Assert.Equal("1 passed, 0 failed, 0 skipped", Run(folder, "--feature", "features/a").lines[^1]);
        var (exit, lines) = Run(folder, "--feature", "features/a/pass.feature", "--seed", "40", "--seeds", "3");
        Assert.Equal(0, exit);
        Assert.Equal(["seed=40", "seed=41", "seed=42"], lines.Where(l => l.StartsWith("PASS", StringComparison.Ordinal)).Select(l => l.Split(' ')[^2]));
        var again = Run(folder, "--feature", "features/a/pass.feature", "--seed", "41").lines[0];
        Assert.Equal(lines[1], again);
    }

    [Fact]
    public void Bad_input_is_a_usage_error()
    {
        using var folder = Repository();
        Assert.Equal(2, Run(folder, "--tags", "@a and").exit);
        Assert.Equal(2, Run(folder, "--faults", "nowhere").exit);
        Assert.Equal(2, Run(folder, "--feature", "features/none").exit);
        Assert.Equal(2, Run(folder, "--seeds", "0").exit);
        var (exit, lines) = Run(folder, "--faults", "lossy");
        Assert.Equal(0, exit);
        Assert.Contains(lines, l => l.StartsWith("fault profile: lossy", StringComparison.Ordinal));
    }

    [Fact]
    public void A_feature_file_that_does_not_parse_fails_the_run()
    {
        using var folder = Repository();
        folder.Write("features/broken.feature", "  Given nothing\nFeature: X\n");
        var (exit, lines) = Run(folder);
        Assert.Equal(1, exit);
        Assert.Contains(lines, l => l.StartsWith("FAIL features/broken.feature:", StringComparison.Ordinal));
        Assert.Equal("1 passed, 1 failed, 0 skipped", lines[^1]);
    }

    [Fact]
    public void Steps_lists_the_phrases_by_kind()
    {
        using var folder = Repository();
        var (exit, lines) = Run(folder, "steps");
        Assert.Equal(0, exit);
        Assert.Equal("# Given", lines[0]);
        Assert.Contains("Then no call is lost", lines);
        Assert.Contains("When <duration> pass", lines);
    }

    [Fact]
    public void Determinism_runs_the_workload_twice()
    {
        using var folder = Repository();
        var (exit, lines) = Run(folder, "determinism", "--seed", "5", "--datagrams", "300");
        Assert.Equal(0, exit);
        Assert.Matches("^seed=5 run1=([0-9a-f]{16}) run2=\\1$", lines[0]);
        Assert.Equal("equal", lines[^1]);
    }
}
