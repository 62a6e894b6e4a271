using System.Text.RegularExpressions;
using System.Xml.Linq;
using Concierge.Scenarios.Features;
using Concierge.Scenarios.Reports;
using Concierge.Scenarios.Running;

namespace Concierge.Scenarios.Tests.Reports;

public sealed class ReportTests
{
    private static ScenarioCase Case(string name) => new("features/acd/rna.feature", "RNA", name, ["@acd"],
        [new ScenarioStep("Given ", StepKind.Given, "the seed 1", 3, null, false), new ScenarioStep("Then ", StepKind.Then, "within 12 seconds attendant \"7580\" is unavailable", 4, null, false)], 2);

    private static readonly ScenarioResult Passed = new(Case("Passes"), 1, "3f9a0c2d11b7e845", ScenarioStatus.Passed,
        [], null, null, [], TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(3));

    private static readonly ScenarioResult Failed = new(Case("RNA timeout re-routes the call <&>"), 1, "0123456789abcdef", ScenarioStatus.Failed,
        [new StepOutcome(1, Case("x").Steps[0], StepStatus.Passed, null), new StepOutcome(2, Case("x").Steps[1], StepStatus.Failed, "observed: available")],
        new ScenarioFailure(2, "Then within 12 seconds attendant \"7580\" is unavailable", "observed: available"), null,
        ["0:00:12.000 step failed: observed: available"], TimeSpan.FromSeconds(12), TimeSpan.FromMilliseconds(4));

    private static readonly ScenarioResult Pending = new(Case("JWT expiring"), 2, "fedcba9876543210", ScenarioStatus.Pending,
        [new StepOutcome(1, Case("x").Steps[0], StepStatus.Pending, "needs the Unify Phone simulator")], null, "needs the Unify Phone simulator", [],
        TimeSpan.Zero, TimeSpan.FromMilliseconds(1));

    private static readonly SuiteResult Suite = new([Passed, Failed, Pending], [], 1, TimeSpan.FromSeconds(1));

    [Fact]
    public void Lines_follow_the_runner_output_of_the_steps_document()
    {
        Assert.Equal("PASS features/acd/rna.feature :: Passes seed=1 hash=3f9a0c2d11b7e845", ResultLines.Headline(Passed));
        var failed = ResultLines.All(Failed).ToArray();
        Assert.Equal("FAIL features/acd/rna.feature :: RNA timeout re-routes the call <&> seed=1 hash=0123456789abcdef", failed[0]);
        Assert.Equal("     step 2: Then within 12 seconds attendant \"7580\" is unavailable — observed: available", failed[1]);
        Assert.Contains("       0:00:12.000 step failed: observed: available", failed);
        Assert.Matches(new Regex("^PENDING features/acd/rna.feature :: JWT expiring seed=2 hash=[0-9a-f]{16}$"), ResultLines.Headline(Pending));
        Assert.Equal("1 passed, 1 failed, 1 skipped", Suite.SummaryLine);
        Assert.Equal(1, Suite.ExitCode);
        Assert.Equal(0, new SuiteResult([Passed, Pending], [], 1, TimeSpan.Zero).ExitCode);
    }

    [Fact]
    public void JUnit_counts_pending_as_skipped()
    {
        var xml = JUnitReport.Build(Suite);
        var suite = xml.Root!.Element("testsuite")!;
        Assert.Equal("3", suite.Attribute("tests")!.Value);
        Assert.Equal("1", suite.Attribute("failures")!.Value);
        Assert.Equal("1", suite.Attribute("skipped")!.Value);
        var cases = suite.Elements("testcase").ToArray();
        Assert.Null(cases[0].Element("failure"));
        Assert.Contains("observed: available", cases[1].Element("failure")!.Attribute("message")!.Value);
        Assert.Equal("pending: needs the Unify Phone simulator", cases[2].Element("skipped")!.Attribute("message")!.Value);
        Assert.NotNull(XDocument.Parse(xml.ToString()));
    }

    [Fact]
    public void Durations_in_the_summary_are_readable()
    {
        Assert.Equal("0.250s", SummaryTable.Format(TimeSpan.FromMilliseconds(250)));
        Assert.Equal("2m 03.000s", SummaryTable.Format(TimeSpan.FromSeconds(123)));
        Assert.Equal("26h 00m 00.000s", SummaryTable.Format(TimeSpan.FromHours(26)));
    }
}
