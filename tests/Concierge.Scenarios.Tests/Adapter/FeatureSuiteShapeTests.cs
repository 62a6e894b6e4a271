using Concierge.Scenarios.Features;

namespace Concierge.Scenarios.Tests.Adapter;

/// <summary>The suites in features/ follow the house rules: they parse, and every scenario asserts and ends with the invariant check.</summary>
public sealed class FeatureSuiteShapeTests
{
    [Fact]
    public void Every_feature_file_parses() => Assert.Empty(FeatureSuite.Errors);

    [Fact]
    public void The_suites_cover_the_required_areas()
    {
        var areas = FeatureSuite.Cases.Select(c => c.FeaturePath.Split('/')[1]).ToHashSet();
        foreach (var area in new[] { "fallback", "acd", "variants", "channels", "processing", "transfer", "paging", "personal-line", "standby", "cps", "csta", "registration" })
            Assert.Contains(area, areas);
    }

    [Fact]
    public void Every_scenario_asserts_and_ends_with_the_invariant_check()
    {
        Assert.NotEmpty(FeatureSuite.Cases);
        foreach (var scenario in FeatureSuite.Cases)
        {
            Assert.True(scenario.Steps.Any(s => s.Kind == StepKind.Then && !s.FromBackground && s.Text != "no call is lost"), $"{scenario.Id} has no Then step of its own");
            Assert.True(scenario.Steps[^1] is { Kind: StepKind.Then, Text: "no call is lost" }, $"{scenario.Id} does not end with Then no call is lost");
        }
    }
}
