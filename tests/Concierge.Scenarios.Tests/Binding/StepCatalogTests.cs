using Concierge.Scenarios.StepLanguage;
using Concierge.Scenarios.Features;
using Concierge.Scenarios.Tests.Support;

namespace Concierge.Scenarios.Tests.Binding;

public sealed class StepCatalogTests
{
    private static readonly StepCatalog Catalog = StepCatalog.FromTypes([typeof(SampleSteps)]);

    private static ScenarioStep Step(StepKind kind, string text, StepTable? table = null) => new(kind + " ", kind, text, 1, table, false);

    [Fact]
    public void Typed_arguments_are_captured_and_converted()
    {
        var match = Catalog.Match(Step(StepKind.Given, "the counter rises by one every 500 ms"));
        Assert.True(match.IsBound);
        Assert.Equal([TimeSpan.FromMilliseconds(500)], match.Binding!.Arguments(match.Captured, null));

        var greet = Catalog.Match(Step(StepKind.When, "\"Anna\" greets \"Bob\", \"Cleo\""));
        var arguments = greet.Binding!.Arguments(greet.Captured, null);
        Assert.Equal("Anna", arguments[0]);
        Assert.Equal(["Bob", "Cleo"], (string[])arguments[1]!);
    }

    [Fact]
    public void Raw_regular_expressions_bind_too()
    {
        var match = Catalog.Match(Step(StepKind.When, "the regex step 42 and go"));
        Assert.Equal([42, "go"], match.Binding!.Arguments(match.Captured, null));
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
        var ambiguous = StepCatalog.FromTypes([typeof(SampleSteps), typeof(DuplicateSteps)]).Match(Step(StepKind.When, "5 seconds pass"));
        Assert.False(ambiguous.IsBound);
        Assert.Contains("ambiguous", ambiguous.Problem);
        Assert.Contains("SampleSteps.Pass", ambiguous.Problem);
        Assert.Contains("DuplicateSteps.Again", ambiguous.Problem);
    }

    [Fact]
    public void Tables_bind_to_typed_rows_or_the_raw_table()
    {
        var table = new StepTable([["name", "age"], ["Anna", "31"]]);
        var rows = Catalog.Match(Step(StepKind.When, "these people arrive:"));
        var people = (SampleSteps.Person[])rows.Binding!.Arguments(rows.Captured, table)[0]!;
        Assert.Equal(new SampleSteps.Person("Anna", 31), people.Single());
        var raw = Catalog.Match(Step(StepKind.When, "the raw table is:"));
        Assert.Same(table, raw.Binding!.Arguments(raw.Captured, table)[0]);
        Assert.Throws<FormatException>(() => rows.Binding.Arguments(rows.Captured, null));
        var noTable = Catalog.Match(Step(StepKind.When, "5 seconds pass"));
        Assert.Throws<FormatException>(() => noTable.Binding!.Arguments(noTable.Captured, table));
    }

    [Fact]
    public void Bindings_show_their_phrase_with_parameter_names() =>
        Assert.Contains("When \"<who>\" greets \"<others>\", …", Catalog.Bindings.Select(b => b.Display));

    [Fact]
    public void A_phrase_whose_captures_do_not_fit_the_method_is_rejected_at_load()
    {
        var error = Assert.Throws<ArgumentException>(() => StepCatalog.FromTypes([typeof(BrokenSteps)]));
        Assert.Contains("captures 1 values but the method takes 0", error.Message);
        Assert.Throws<ArgumentException>(() => StepPattern.Compile("a {colour} step"));
    }

    private sealed class DuplicateSteps
    {
        [When("{duration} pass")]
        public void Again(TimeSpan duration) => _ = duration;
    }

    private sealed class BrokenSteps
    {
        [When("it takes {int}")]
        public void Takes() { }
    }
}
