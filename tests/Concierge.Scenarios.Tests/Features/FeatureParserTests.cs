using Concierge.Scenarios.Features;

namespace Concierge.Scenarios.Tests.Features;

public sealed class FeatureParserTests
{
    private const string Text = """
        @osv
        Feature: Parsing
          Background:
            Given the seed 3

          @slow
          Scenario: Plain
            When 5 seconds pass
            And 1 second pass
            Then no call is lost
            But no call is lost

          Scenario Outline: Rows <n>
            Given the tenant "DEFAULT" has these times:
              | setting     | value |
              | RNA timeout | <t>   |
            Then the caller queue of "<pilot>" holds <n> calls

            @first
            Examples:
              | n | t          | pilot |
              | 1 | 15 seconds | 3201  |
            Examples:
              | n | t          | pilot |
              | 2 | 20 seconds | 3202  |
        """;

    [Fact]
    public void Background_steps_come_first_and_keywords_resolve_to_kinds()
    {
        var feature = FeatureParser.Parse("features/p.feature", Text);
        var plain = feature.Cases[0];
        Assert.Equal("features/p.feature :: Plain", plain.Id);
        Assert.Equal(["Given the seed 3", "When 5 seconds pass", "And 1 second pass", "Then no call is lost", "But no call is lost"], plain.Steps.Select(s => s.Display));
        Assert.Equal([StepKind.Given, StepKind.When, StepKind.When, StepKind.Then, StepKind.Then], plain.Steps.Select(s => s.Kind));
        Assert.True(plain.Steps[0].FromBackground);
        Assert.Equal(["@osv", "@slow"], plain.Tags);
    }

    [Fact]
    public void Each_examples_row_is_its_own_case_with_values_substituted()
    {
        var feature = FeatureParser.Parse("features/p.feature", Text);
        Assert.Equal(3, feature.Cases.Count);
        var first = feature.Cases[1];
        Assert.Equal("Rows 1", first.Name);
        Assert.Equal(["@osv", "@first"], first.Tags);
        Assert.Equal("the caller queue of \"3201\" holds 1 calls", first.Steps[^1].Text);
        Assert.Equal(["RNA timeout", "15 seconds"], first.Steps[1].Table!.Rows[1]);
        Assert.Equal("Rows 2", feature.Cases[2].Name);
        Assert.Equal(["@osv"], feature.Cases[2].Tags);
    }

    [Fact]
    public void Outline_names_without_placeholders_carry_the_row_values()
    {
        var feature = FeatureParser.Parse("f.feature", """
            Feature: F
              Scenario Outline: Ratio
                Given the seed <s>
                Examples:
                  | s |
                  | 1 |
                  | 2 |
            """);
        Assert.Equal(["Ratio (s=1)", "Ratio (s=2)"], feature.Cases.Select(c => c.Name));
    }

    [Fact]
    public void Invalid_gherkin_and_duplicate_names_are_reported_with_the_file()
    {
        var invalid = Assert.Throws<FeatureParseException>(() => FeatureParser.Parse("bad.feature", "  Given nothing\nFeature: X\n"));
        Assert.StartsWith("bad.feature:", invalid.Message);
        var duplicate = Assert.Throws<FeatureParseException>(() => FeatureParser.Parse("dup.feature", "Feature: X\n  Scenario: S\n    Given the seed 1\n  Scenario: S\n    Given the seed 2\n"));
        Assert.Contains("two scenarios are named", duplicate.Message);
    }

    [Fact]
    public void Rules_bring_their_own_background_and_outlines_take_several_examples()
    {
        var feature = FeatureParser.Parse("features/rules.feature", """"
            @f
            Feature: Rules
              Background:
                Given the seed 1

              Rule: Night service
                Background:
                  Given the topology "osv-example"

                Scenario: A call at night
                  When 5 seconds pass

                @outline
                Scenario Outline: Waiting <d>
                  When <d> pass
                  Then the note is:
                    """
                    waited <d>
                    """

                  @short
                  Examples: short
                    | d         |
                    | 1 second  |
                  Examples: long
                    | d         |
                    | 2 minutes |

              Rule: Day service
                Scenario: A call by day
                  When 1 second pass
            """");
        Assert.Equal(["A call at night", "Waiting 1 second", "Waiting 2 minutes", "A call by day"], feature.Cases.Select(c => c.Name));
        var night = feature.Cases[0];
        Assert.Equal(["Given the seed 1", "Given the topology \"osv-example\"", "When 5 seconds pass"], night.Steps.Select(s => s.Display));
        Assert.Equal([true, true, false], night.Steps.Select(s => s.FromBackground));
        Assert.Equal(["Given the seed 1", "When 1 second pass"], feature.Cases[3].Steps.Select(s => s.Display));
        Assert.Equal(["@f", "@outline", "@short"], feature.Cases[1].Tags);
        Assert.Equal(["@f", "@outline"], feature.Cases[2].Tags);
        Assert.Equal("waited 2 minutes", feature.Cases[2].Steps[^1].DocString);
        Assert.Equal(StepKind.Then, feature.Cases[2].Steps[^1].Kind);
        Assert.All(feature.Cases, c => Assert.NotNull(c.PickleId));
        Assert.Equal(feature.Cases.Select(c => c.PickleId), feature.Messages!.Pickles.Select(p => p.Id));
    }

    [Fact]
    public void A_language_header_selects_the_keywords()
    {
        var feature = FeatureParser.Parse("features/de.feature", """
            # language: de
            Funktionalität: Vermittlung
              Szenario: Ein Anruf
                Angenommen the seed 1
                Wenn 5 seconds pass
                Dann no call is lost
                Und no call is lost
            """);
        var steps = feature.Cases.Single().Steps;
        Assert.Equal([StepKind.Given, StepKind.When, StepKind.Then, StepKind.Then], steps.Select(s => s.Kind));
        Assert.Equal("Dann no call is lost", steps[2].Display);
    }
}
