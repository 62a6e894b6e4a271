using Gherkin;
using Gherkin.Ast;

namespace Concierge.Scenarios.Features;

/// <summary>Parses Gherkin text with Cucumber's parser and expands Background and Scenario Outlines into scenario runs.</summary>
public static class FeatureParser
{
    /// <summary>Parses the feature text <paramref name="content"/>; <paramref name="path"/> names it in cases and errors.</summary>
    public static FeatureFile Parse(string path, string content)
    {
        GherkinDocument document;
        try
        {
            using var reader = new StringReader(content);
            document = new Parser().Parse(reader);
        }
        catch (CompositeParserException e)
        {
            throw new FeatureParseException(path, string.Join("; ", e.Errors.Select(x => x.Message)));
        }
        catch (ParserException e)
        {
            throw new FeatureParseException(path, e.Message);
        }

        var feature = document.Feature ?? throw new FeatureParseException(path, "no Feature in file");
        var featureTags = feature.Tags.Select(t => t.Name).ToArray();
        var background = feature.Children.OfType<Background>().FirstOrDefault();
        var backgroundSteps = background is null ? [] : background.Steps.ToArray();
        var cases = new List<ScenarioCase>();
        foreach (var child in feature.Children)
        {
            switch (child)
            {
                case ScenarioOutline outline:
                    cases.AddRange(ExpandOutline(path, feature, featureTags, backgroundSteps, outline));
                    break;
                case Scenario scenario:
                    var tags = featureTags.Concat(scenario.Tags.Select(t => t.Name)).Distinct().ToArray();
                    cases.Add(new ScenarioCase(path, feature.Name, scenario.Name, tags,
                        ToSteps(path, backgroundSteps, scenario.Steps, Empty), scenario.Location.Line));
                    break;
            }
        }
        var duplicate = cases.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new FeatureParseException(path, $"two scenarios are named \"{duplicate.Key}\" (lines {string.Join(", ", duplicate.Select(c => c.Line))}); names identify scenarios in reports");
        return new FeatureFile(path, feature.Name, featureTags, cases);
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    private static IEnumerable<ScenarioCase> ExpandOutline(string path, Feature feature, string[] featureTags, Step[] background, ScenarioOutline outline)
    {
        foreach (var examples in outline.Examples)
        {
            if (examples.TableHeader is null) throw new FeatureParseException(path, $"line {examples.Location.Line}: Examples without a table");
            var header = examples.TableHeader.Cells.Select(c => c.Value).ToArray();
            var tags = featureTags.Concat(outline.Tags.Select(t => t.Name)).Concat(examples.Tags.Select(t => t.Name)).Distinct().ToArray();
            foreach (var row in examples.TableBody)
            {
                var cells = row.Cells.Select(c => c.Value).ToArray();
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < header.Length && i < cells.Length; i++) values[header[i]] = cells[i];
                var name = OutlineText.Substitute(outline.Name, values);
                if (name == outline.Name) name += " (" + string.Join(", ", header.Zip(cells, (h, v) => h + "=" + v)) + ")";
                yield return new ScenarioCase(path, feature.Name, name, tags, ToSteps(path, background, outline.Steps, values), row.Location.Line);
            }
        }
    }

    private static IReadOnlyList<ScenarioStep> ToSteps(string path, Step[] background, IEnumerable<Step> steps, IReadOnlyDictionary<string, string> values)
    {
        var result = new List<ScenarioStep>();
        var kind = StepKind.Given;
        foreach (var (step, fromBackground) in background.Select(s => (s, true)).Concat(steps.Select(s => (s, false))))
        {
            kind = step.Keyword.Trim() switch
            {
                "Given" => StepKind.Given,
                "When" => StepKind.When,
                "Then" => StepKind.Then,
                _ => kind,
            };
            if (step.Argument is DocString)
                throw new FeatureParseException(path, $"line {step.Location.Line}: doc strings are not part of the step language; use a data table");
            var table = step.Argument is DataTable dataTable
                ? new StepTable(dataTable.Rows.Select(r => (IReadOnlyList<string>)r.Cells.Select(c => c.Value).ToArray()).ToArray()).Substitute(values)
                : null;
            result.Add(new ScenarioStep(step.Keyword, kind, OutlineText.Substitute(step.Text, values), step.Location.Line, table, fromBackground));
        }
        return result;
    }
}
