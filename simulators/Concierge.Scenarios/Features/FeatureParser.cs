using Gherkin;
using Gherkin.Ast;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Messages = Io.Cucumber.Messages.Types;

namespace Concierge.Scenarios.Features;

/// <summary>
/// Parses Gherkin text with Cucumber's parser (Gherkin 43) and expands Rules, their Backgrounds and Scenario Outlines
/// (several Examples each) into scenario runs, each linked to the Cucumber pickle the reports name it by.
/// </summary>
public static class FeatureParser
{
    /// <summary>Parses the feature text <paramref name="content"/>; <paramref name="path"/> names it in cases and errors.</summary>
    public static FeatureFile Parse(string path, string content)
    {
        GherkinDocument document;
        try
        {
            document = new Parser().Parse(new StringReader(content));
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
        var cases = new List<ScenarioCase>();
        Expand(path, feature.Name, featureTags, feature.Children, [], cases);
        var duplicate = cases.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new FeatureParseException(path, $"two scenarios are named \"{duplicate.Key}\" (lines {string.Join(", ", duplicate.Select(c => c.Line))}); names identify scenarios in reports");

        var ids = new PathIdGenerator(path);
        var messagesDocument = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(document, path);
        var pickles = new PickleCompiler(ids).Compile(messagesDocument);
        if (pickles.Count != cases.Count)
            throw new FeatureParseException(path, $"{cases.Count} scenario runs but {pickles.Count} Cucumber pickles");
        var linked = cases.Select((c, i) => c with { PickleId = pickles[i].Id }).ToArray();
        var source = new Messages.Source(path, content, Messages.SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN);
        return new FeatureFile(path, feature.Name, featureTags, linked) { Messages = new FeatureMessages(source, messagesDocument, pickles) };
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    private static void Expand(string path, string featureName, string[] outerTags, IEnumerable<IHasLocation> children, Step[] outerBackground, List<ScenarioCase> cases)
    {
        var childList = children.ToArray();
        var background = outerBackground.Concat(childList.OfType<Background>().FirstOrDefault()?.Steps ?? []).ToArray();
        foreach (var child in childList)
        {
            switch (child)
            {
                case Rule rule:
                    Expand(path, featureName, outerTags.Concat(rule.Tags.Select(t => t.Name)).Distinct().ToArray(), rule.Children, background, cases);
                    break;
                case Scenario { Examples: var examples } outline when examples.Any():
                    cases.AddRange(ExpandOutline(path, featureName, outerTags, background, outline));
                    break;
                case Scenario scenario:
                    var tags = outerTags.Concat(scenario.Tags.Select(t => t.Name)).Distinct().ToArray();
                    cases.Add(new ScenarioCase(path, featureName, scenario.Name, tags, ToSteps(background, scenario.Steps, Empty), scenario.Location.Line));
                    break;
            }
        }
    }

    private static IEnumerable<ScenarioCase> ExpandOutline(string path, string featureName, string[] outerTags, Step[] background, Scenario outline)
    {
        foreach (var examples in outline.Examples)
        {
            if (examples.TableHeader is null) throw new FeatureParseException(path, $"line {examples.Location.Line}: Examples without a table");
            var header = examples.TableHeader.Cells.Select(c => c.Value).ToArray();
            var tags = outerTags.Concat(outline.Tags.Select(t => t.Name)).Concat(examples.Tags.Select(t => t.Name)).Distinct().ToArray();
            foreach (var row in examples.TableBody)
            {
                var cells = row.Cells.Select(c => c.Value).ToArray();
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < header.Length && i < cells.Length; i++) values[header[i]] = cells[i];
                var name = OutlineText.Substitute(outline.Name, values);
                if (name == outline.Name) name += " (" + string.Join(", ", header.Zip(cells, (h, v) => h + "=" + v)) + ")";
                yield return new ScenarioCase(path, featureName, name, tags, ToSteps(background, outline.Steps, values), row.Location.Line);
            }
        }
    }

    private static IReadOnlyList<ScenarioStep> ToSteps(Step[] background, IEnumerable<Step> steps, IReadOnlyDictionary<string, string> values)
    {
        var result = new List<ScenarioStep>();
        var kind = StepKind.Given;
        foreach (var (step, fromBackground) in background.Select(s => (s, true)).Concat(steps.Select(s => (s, false))))
        {
            // The keyword's type, not its English text: `# language: de` features read `Angenommen`/`Wenn`/`Dann`.
            kind = step.KeywordType switch
            {
                StepKeywordType.Context => StepKind.Given,
                StepKeywordType.Action => StepKind.When,
                StepKeywordType.Outcome => StepKind.Then,
                _ => kind,
            };
            var table = step.DataTable is { } dataTable
                ? new StepTable(dataTable.Rows.Select(r => (IReadOnlyList<string>)r.Cells.Select(c => c.Value).ToArray()).ToArray()).Substitute(values)
                : null;
            var docString = step.DocString is { } doc ? OutlineText.Substitute(doc.Content, values) : null;
            result.Add(new ScenarioStep(step.Keyword, kind, OutlineText.Substitute(step.Text, values), step.Location.Line, table, fromBackground) { DocString = docString });
        }
        return result;
    }

    /// <summary>Ids unique across the feature files of a run: the file's path and a counter.</summary>
    private sealed class PathIdGenerator(string path) : IIdGenerator
    {
        private int _next;

        public string GetNewId() => path + "#" + _next++;

        public void Reset() => _next = 0;
    }
}
