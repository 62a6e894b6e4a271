using Concierge.Scenarios.QaSteps;
using Concierge.Scenarios.StepLanguage;
using Concierge.Scenarios.Explore;
using Concierge.Scenarios.Features;
using Concierge.Scenarios.Running;
using Concierge.Scenarios.Tests.Support;
using Concierge.Scenarios.Systems;
using Concierge.Scenarios.World;
using Concierge.Scenarios.Worlds.Osv;
using Concierge.Sip.Message;

namespace Concierge.Scenarios.Tests.Running;

/// <summary>An invariant broken inside a SIP handler is not counted and forgotten: it fails the run that broke it, with the seed.</summary>
public sealed class PlantedInvariantBreakTests
{
    [Fact]
    public void A_scenario_whose_CPS_breaks_an_invariant_in_a_SIP_handler_fails_with_the_seed()
    {
        // The planted-bug phrase comes from the QA binding assembly, which joins the runner's own bindings.
        var catalog = StepCatalog.FromAssembly(typeof(ScenarioWorld).Assembly);
        var feature = FeatureParser.Parse("features/planted.feature", """
            Feature: Planted
              Scenario: A pushed call while the CPS has a bug
                Given the topology "osv-example"
                And attendant "7580" is logged on
                And the CPS breaks an invariant on its next INVITE
                When caller "Anna" dials "3201"
                Then within 5 seconds caller "Anna" is connected to "7580"
            """);
        var runner = new ScenarioRunner(catalog, new ScenarioEnvironment(TestRepository.Root, null, ScenarioSystemCatalog.Standard));

        var result = runner.Run(feature.Cases.Single(), 42);

        Assert.Equal(ScenarioStatus.Failed, result.Status);
        Assert.Equal(42UL, result.Seed);
        Assert.Contains(PlantedInvariantSteps.Broken, result.Failure!.Message, StringComparison.Ordinal);
        Assert.Contains("CpsInvariantException", result.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_explore_seed_whose_CPS_breaks_an_invariant_in_a_SIP_handler_fails()
    {
        var result = ExploreRun.Execute(new ExploreOptions(TimeSpan.FromMinutes(2)), TestRepository.Root, 11, extraInvariants: world =>
        {
            PlantedInvariantSteps.Plant(world);
            return [];
        });

        Assert.False(result.Passed);
        Assert.StartsWith("FAIL explore seed=11 ", result.Verdict, StringComparison.Ordinal);
        Assert.Contains(result.Violations, v => v.Contains("CpsInvariantException: " + PlantedInvariantSteps.Broken, StringComparison.Ordinal));
    }
}
