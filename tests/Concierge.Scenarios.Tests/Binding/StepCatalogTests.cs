using Concierge.Scenarios.StepLanguage;
using Concierge.Scenarios.Features;
using Concierge.Scenarios.Tests.Support;

namespace Concierge.Scenarios.Tests.Binding;

public sealed class StepCatalogTests
{
    private static readonly StepCatalog Catalog = StepCatalog.FromAssembly(typeof(SampleSteps).Assembly);

    private static ScenarioStep Step(StepKind kind, string text, StepTable? table = null) => new(kind + " ", kind, text, 1, table, false);

    [Fact]
    public void Steps_bind_to_Reqnroll_step_definitions_with_cucumber_expressions_or_regular_expressions()
    {
        var match = Catalog.Match(Step(StepKind.Given, "the counter rises by one every 500 ms"));
        Assert.True(match.IsBound);
        Assert.Equal("CucumberExpression", match.Binding!.Definition.ExpressionType);
        Assert.Equal("SampleSteps.RisesEvery", match.Binding.Where);
        var regex = Catalog.Match(Step(StepKind.When, "the regex step 42 and go"));
        Assert.Equal("RegularExpression", regex.Binding!.Definition.ExpressionType);
    }

    [Fact]
    public void Keywords_select_the_kind_of_binding()
    {
        Assert.True(Catalog.Match(Step(StepKind.When, "5 seconds pass")).IsBound);
        Assert.False(Catalog.Match(Step(StepKind.Then, "5 seconds pass")).IsBound);
    }

    [Fact]
    public void Then_steps_accept_a_within_prefix()
    {
        var match = Catalog.Match(Step(StepKind.Then, "within 2 minutes the counter is 3"));
        Assert.True(match.IsBound);
        Assert.Equal(TimeSpan.FromMinutes(2), match.Within);
        Assert.Null(Catalog.Match(Step(StepKind.Then, "the counter is 3")).Within);
        Assert.False(Catalog.Match(Step(StepKind.When, "within 2 minutes 5 seconds pass")).IsBound);
    }

    [Fact]
    public void Undefined_steps_name_the_closest_phrases()
    {
        var match = Catalog.Match(Step(StepKind.Then, "the countr is 4"));
        Assert.False(match.IsBound);
        Assert.StartsWith("undefined step; closest known phrases: Then the counter is <expected>", match.Problem);
        var within = Catalog.Match(Step(StepKind.Then, "within 5 seconds the countr is 4"));
        Assert.StartsWith("undefined step; closest known phrases: Then the counter is <expected>", within.Problem);
    }

    [Fact]
    public void Ambiguous_steps_list_every_candidate()
    {
        var match = Catalog.Match(Step(StepKind.Then, "the counter is \"3\" or so"));
        Assert.True(match.IsBound);
        var ambiguous = Catalog.Match(Step(StepKind.When, "5 seconds elapse"));
        Assert.False(ambiguous.IsBound);
        Assert.Contains("ambiguous", ambiguous.Problem);
        Assert.Contains("SampleSteps.Elapse)", ambiguous.Problem);
        Assert.Contains("SampleSteps.ElapseAgain)", ambiguous.Problem);
    }

    [Fact]
    public void Bindings_show_their_phrase_with_parameter_names()
    {
        var shown = Catalog.Bindings.Select(b => b.Display).ToArray();
        Assert.Contains("When \"<who>\" greets \"<others>\", …", shown);
        Assert.Contains("Given the counter rises by one every <period>", shown);
        Assert.Contains(@"When ^the regex step (\d+) and (\w+)$", shown);
    }

    [Fact]
    public void The_QA_binding_assembly_joins_the_bindings_of_a_run()
    {
        Assert.Contains(Catalog.Bindings, b => b.Where == "QaTeamSteps.TheClockReaches");
        Assert.Contains(Catalog.Bindings, b => b.Where == "TimeAndFailureSteps.TimePasses");
    }
}
