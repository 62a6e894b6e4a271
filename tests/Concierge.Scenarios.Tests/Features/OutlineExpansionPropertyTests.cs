using Concierge.Config.Durations;
using System.Globalization;
using System.Text;
using Concierge.Scenarios.Features;
using Concierge.Scenarios.Values;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Concierge.Scenarios.Tests.Features;

public sealed class OutlineExpansionPropertyTests
{
    [Property]
    public Property Every_examples_row_becomes_one_case_with_its_values() =>
        Prop.ForAll(Gen.Choose(1, 30).ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (rows, offset) =>
        {
            var text = new StringBuilder("Feature: P\n  Scenario Outline: Row <n>\n    Given the seed <n>\n    When <d> pass\n    Examples:\n      | n | d |\n");
            for (var i = 0; i < rows; i++) text.Append(CultureInfo.InvariantCulture, $"      | {offset + i} | {i} seconds |\n");
            var cases = FeatureParser.Parse("p.feature", text.ToString()).Cases;
            return cases.Count == rows
                && cases.Select((c, i) => c.Name == $"Row {offset + i}"
                    && c.Steps[0].Text == $"the seed {offset + i}"
                    && DurationText.Parse(c.Steps[1].Text[..^" pass".Length]) == TimeSpan.FromSeconds(i)).All(ok => ok);
        });

    [Property]
    public Property Quoted_lists_read_back_what_was_written() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string[]>(), items =>
        {
            var clean = (items ?? []).Where(s => s is not null).Select(s => s.Replace("\"", "", StringComparison.Ordinal)).Take(20).ToArray();
            if (clean.Length == 0) return true;
            var text = string.Join(", ", clean.Select(s => "\"" + s + "\""));
            return QuotedList.Parse(text).SequenceEqual(clean);
        });
}
