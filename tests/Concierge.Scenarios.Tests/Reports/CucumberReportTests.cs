using System.Text;
using System.Text.Json;
using Concierge.Scenarios.Features;
using Concierge.Scenarios.Reports.Cucumber;
using Concierge.Scenarios.Reports.Ladders;
using Concierge.Scenarios.Running;
using Concierge.Scenarios.StepLanguage;
using Concierge.Scenarios.Systems;
using Concierge.Scenarios.Tests.Support;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Tests.Reports;

/// <summary>The Cucumber Messages and HTML reports of a real run, with its ladder diagram attached.</summary>
public sealed class CucumberReportTests
{
    private const string Feature = """
        @osv
        Feature: Reports
          Scenario: A pushed call
            Given the topology "osv-example"
            And attendant "7580" is logged on
            When caller "Anna" dials "3201"
            Then within 5 seconds caller "Anna" is connected to "7580"

          Scenario: A wrong expectation
            Given the topology "osv-example"
            And attendant "7580" is logged on
            When caller "Anna" dials "3201"
            Then within 5 seconds caller "Anna" is connected to "7581"
        """;

    private static readonly StepCatalog Catalog = StepCatalog.FromAssembly(typeof(ScenarioWorld).Assembly);

    private static SuiteResult Run(bool ladders)
    {
        var feature = FeatureParser.Parse("features/reports.feature", Feature);
        var runner = new SuiteRunner(Catalog, new ScenarioEnvironment(TestRepository.Root, null, ScenarioSystemCatalog.Standard), TimeProvider.System) { RecordLadders = ladders };
        var results = runner.RunFeatures([feature], new RunOptions(Concierge.Scenarios.Tags.TagExpression.Parse(null), 1, 1));
        return new SuiteResult(results, [], 1, TimeSpan.Zero) { Features = [feature] };
    }

    [Fact]
    public void Recording_a_ladder_does_not_change_the_run()
    {
        var plain = Run(ladders: false);
        var recorded = Run(ladders: true);
        Assert.Equal(plain.Results.Select(r => r.Hash), recorded.Results.Select(r => r.Hash));
        Assert.All(plain.Results, r => Assert.Null(r.Ladder));
        var ladder = recorded.Results[0].Ladder!;
        Assert.Contains(ladder.Entries.OfType<LadderArrow>(), a => a.Label == "INVITE" && a.Protocol == LadderProtocol.Sip);
        Assert.Contains(ladder.Entries.OfType<LadderArrow>(), a => a.Label == "200 OK (INVITE)");
        Assert.Contains(ladder.Entries.OfType<LadderArrow>(), a => a.Protocol == LadderProtocol.Csta && a.Label == "MonitorStart");
        Assert.Equal(["pstn", "osv", "cps"], LadderSvg.ColumnOrder(ladder.Hosts).Take(3));
        Assert.Equal([1, 2, 3, 4], ladder.Entries.OfType<LadderStep>().Select(s => s.Number));
    }

    [Fact]
    public void Messages_carry_every_test_case_with_its_ladder_seed_and_hash_and_the_html_report_shows_them()
    {
        var suite = Run(ladders: true);
        using var folder = new TempFolder();
        var ndjson = Path.Combine(folder.Path, "run.ndjson");
        var html = Path.Combine(folder.Path, "report.html");
        CucumberReports.WriteMessages(ndjson, CucumberEnvelopes.Build(suite, Catalog, DateTimeOffset.UnixEpoch));
        CucumberReports.WriteHtml(html, CucumberEnvelopes.Build(suite, Catalog, DateTimeOffset.UnixEpoch));

        var lines = File.ReadAllLines(ndjson).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        var kinds = lines.Select(l => l.EnumerateObject().Single().Name).ToArray();
        Assert.Equal("meta", kinds[0]);
        Assert.Equal("testRunFinished", kinds[^1]);
        Assert.Equal(2, kinds.Count(k => k == "testCase"));
        Assert.Equal(2, kinds.Count(k => k == "pickle"));
        var statuses = lines.Where(l => l.TryGetProperty("testStepFinished", out _))
            .Select(l => l.GetProperty("testStepFinished").GetProperty("testStepResult").GetProperty("status").GetString()).ToArray();
        Assert.Contains("FAILED", statuses);
        Assert.Contains("PASSED", statuses);
        var attachments = lines.Where(l => l.TryGetProperty("attachment", out _)).Select(l => l.GetProperty("attachment")).ToArray();
        var svgs = attachments.Where(a => a.GetProperty("mediaType").GetString() == "image/svg+xml").ToArray();
        Assert.Equal(2, svgs.Length);
        var failedLadder = Encoding.UTF8.GetString(Convert.FromBase64String(svgs[1].GetProperty("body").GetString()!));
        Assert.StartsWith("<svg", failedLadder);
        Assert.Contains("INVITE", failedLadder);
        Assert.Contains("step 4: Then within 5 seconds caller &quot;Anna&quot; is connected to &quot;7581&quot;  ✗ failed", failedLadder);
        var text = attachments.First(a => a.GetProperty("mediaType").GetString() == "text/plain").GetProperty("body").GetString();
        Assert.Contains($"seed=1 hash={suite.Results[0].Hash}", text);
        Assert.False(lines[^1].GetProperty("testRunFinished").GetProperty("success").GetBoolean());

        var page = File.ReadAllText(html);
        Assert.StartsWith("<!DOCTYPE html>", page.TrimStart());
        Assert.Contains("image/svg+xml", page);
        Assert.Contains("A wrong expectation", page);
    }

    [Fact]
    public void Ladder_files_are_named_after_feature_scenario_and_seed()
    {
        var suite = Run(ladders: true);
        using var folder = new TempFolder();
        Assert.Equal(2, LadderFiles.Write(folder.Path, suite));
        Assert.True(File.Exists(Path.Combine(folder.Path, "reports--a-pushed-call--seed-1.svg")));
    }
}
