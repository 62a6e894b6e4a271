using NSubstitute;
using Concierge.Scenarios.StepLanguage;
using Concierge.Scenarios.Features;
using Concierge.Scenarios.Running;
using Concierge.Scenarios.Systems;
using Concierge.Scenarios.Tests.Support;
using Concierge.Scenarios.Topologies;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Tests.Running;

public sealed class ScenarioRunnerTests
{
    private static ScenarioResult RunOne(string body, ulong seed = 1, ScenarioSystemCatalog? systems = null, string tags = "")
    {
        SampleSteps.Log.Clear();
        var feature = FeatureParser.Parse("features/t.feature", $"{tags}\nFeature: T\n  Scenario: S\n{body}");
        var runner = new ScenarioRunner(StepCatalog.FromAssembly(typeof(SampleSteps).Assembly),
            new ScenarioEnvironment(TestRepository.Root, null, systems ?? ScenarioSystemCatalog.Standard));
        return runner.Run(feature.Cases.Single(), seed);
    }

    [Fact]
    public void Time_moves_only_when_steps_let_it()
    {
        var result = RunOne("""
                Given a counter at 0
                And the counter rises by one every 1 second
                Then the counter is 0
                When 5 seconds pass
                Then the counter is 5
            """);
        Assert.Equal(ScenarioStatus.Passed, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(5), result.VirtualTime);
        Assert.All(result.Steps, s => Assert.Equal(StepStatus.Passed, s.Status));
    }

    [Fact]
    public void Within_advances_virtual_time_until_the_condition_holds()
    {
        var result = RunOne("""
                Given a counter at 0
                And the counter rises by one every 1 second
                Then within 10 seconds the counter is 7
            """);
        Assert.Equal(ScenarioStatus.Passed, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(7), result.VirtualTime);
    }

    [Fact]
    public void A_failing_assertion_reports_step_observation_and_trace()
    {
        var result = RunOne("""
                Given a counter at 0
                And the counter rises by one every 1 second
                Then within 3 seconds the counter is 100
                And the counter is 0
            """);
        Assert.Equal(ScenarioStatus.Failed, result.Status);
        Assert.Equal(3, result.Failure!.StepNumber);
        Assert.Equal("step 3: Then within 3 seconds the counter is 100 — observed: counter 3", result.Failure.Describe());
        Assert.Equal(StepStatus.Skipped, result.Steps[3].Status);
        Assert.Contains(result.TraceTail, l => l.EndsWith("counter 3", StringComparison.Ordinal));
        Assert.True(result.TraceTail.Count <= 40);
        Assert.Equal(TimeSpan.FromSeconds(3), result.VirtualTime);
    }

    [Fact]
    public void Pending_steps_make_the_scenario_pending_and_skip_the_rest()
    {
        var result = RunOne("""
                Given a counter at 0
                When something is not built yet
                Then the counter is 0
            """);
        Assert.Equal(ScenarioStatus.Pending, result.Status);
        Assert.Equal("needs the frobnicator", result.PendingReason);
        Assert.Equal([StepStatus.Passed, StepStatus.Pending, StepStatus.Skipped], result.Steps.Select(s => s.Status));
        Assert.Equal(["before", "after"], SampleSteps.Log);
    }

    [Fact]
    public void Undefined_steps_fail_before_anything_runs()
    {
        var result = RunOne("""
                When device "7580" is noted
                Then the countr is 3
            """);
        Assert.Equal(ScenarioStatus.Failed, result.Status);
        Assert.Equal(2, result.Failure!.StepNumber);
        Assert.Contains("closest known phrases: Then the counter is <expected>", result.Failure.Message);
        Assert.Empty(SampleSteps.Log);
    }

    [Fact]
    public void Exceptions_fail_the_step_and_after_hooks_still_run()
    {
        var result = RunOne("    When something breaks\n", tags: "@tagged");
        Assert.Equal(ScenarioStatus.Failed, result.Status);
        Assert.Equal("step 1: When something breaks — error: boom", result.Failure!.Describe());
        Assert.Equal(["before", "before tagged", "after"], SampleSteps.Log);
    }

    [Fact]
    public void Arguments_and_tables_reach_the_steps()
    {
        var result = RunOne("""
                When "Anna" greets "Bob", "Cleo"
                And device "+4950505807580" is noted
                And these people arrive:
                  | name | age |
                  | Anna | 31  |
                And the regex step 7 and go
            """);
        Assert.Equal(ScenarioStatus.Passed, result.Status);
        Assert.Equal(["before", "Anna>Bob+Cleo", "device +4950505807580", "Anna:31", "regex 7 go", "after"], SampleSteps.Log);
    }

    [Fact]
    public void The_same_seed_gives_the_same_hash()
    {
        const string body = """
                Given a counter at 0
                And the counter rises by one every 250 ms
                When 2 minutes pass
            """;
        var first = RunOne(body, seed: 9);
        var second = RunOne(body, seed: 9);
        var other = RunOne(body, seed: 10);
        Assert.Equal(first.Hash, second.Hash);
        Assert.NotEqual(first.Hash, other.Hash);
        Assert.Matches("^[0-9a-f]{16}$", first.Hash);
    }

    [Fact]
    public void Broken_invariants_fail_a_scenario_after_its_last_step()
    {
        var system = Substitute.For<IScenarioSystem>();
        system.Invariants.Returns(_ => new[] { new WorldInvariant("no channel is leaked", () => SampleSteps.Log.Contains("break") ? "channel 3 still in use" : null) });
        var factory = Substitute.For<IScenarioSystemFactory>();
        factory.Supports(Arg.Any<TopologyInfo>()).Returns(true);
        factory.Build(Arg.Any<TopologyInfo>(), Arg.Any<ScenarioWorld>()).Returns(system);
        var result = RunOne("    When the invariant breaks\n", systems: new ScenarioSystemCatalog([factory]));
        Assert.Equal(ScenarioStatus.Passed, result.Status); // the system was never started by a step

        var started = RunOne("    When the invariant breaks\n    And the system starts\n", systems: new ScenarioSystemCatalog([factory]));
        Assert.Equal(ScenarioStatus.Failed, started.Status);
        Assert.Equal("after the last step: world invariants — observed: no channel is leaked: channel 3 still in use", started.Failure!.Describe());
    }

    [Fact]
    public void Bad_values_tables_and_phrases_that_do_not_fit_fail_before_anything_runs()
    {
        var badTable = RunOne("""
                When "Anna" greets "Bob"
                And these people arrive:
                  | name | age  |
                  | Anna | old  |
            """);
        Assert.Equal(ScenarioStatus.Failed, badTable.Status);
        Assert.Equal(2, badTable.Failure!.StepNumber);
        Assert.StartsWith("invalid step: argument 'people':", badTable.Failure.Message);
        Assert.Empty(SampleSteps.Log);

        var noTable = RunOne("    When these people arrive:\n");
        Assert.Equal("invalid step: this step needs a data table", noTable.Failure!.Message);
        var extraTable = RunOne("    When 5 seconds pass\n      | a |\n");
        Assert.Equal("invalid step: this step takes no data table", extraTable.Failure!.Message);
        var misfit = RunOne("    When it takes 3\n");
        Assert.Equal("invalid step: the phrase captures 1 values but Takes takes 0", misfit.Failure!.Message);
    }

    [Fact]
    public void Doc_strings_reach_the_step_as_its_last_argument()
    {
        var result = RunOne("    When the note is:\n      \"\"\"\n      two\n      lines\n      \"\"\"\n");
        Assert.Equal(ScenarioStatus.Passed, result.Status);
        Assert.Equal(["before", "note two\nlines", "after"], SampleSteps.Log);
    }

    [Fact]
    public void A_phrase_of_the_QA_binding_assembly_runs_next_to_ours()
    {
        var result = RunOne("""
                Given a counter at 0
                And the counter rises by one every 1 second
                When the clock reaches 90 seconds after the start
                Then the counter is 90
            """);
        Assert.Equal(ScenarioStatus.Passed, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(90), result.VirtualTime);
    }
}
