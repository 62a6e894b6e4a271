using System.Text.RegularExpressions;
using Concierge.Scenarios.StepLanguage;
using Concierge.Scenarios.Features;
using Concierge.Scenarios.Tests.Support;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Tests.Language;

/// <summary>Every phrase of STEPS.md, written out with sample values, binds to exactly one step (Then phrases also with `within`).</summary>
public sealed partial class StepsDocumentTests
{
    private static readonly StepCatalog Catalog = StepCatalog.FromAssembly(typeof(ScenarioWorld).Assembly);

    [GeneratedRegex(@"^(Given|When|Then) (.+)$")]
    private static partial Regex PhraseLine();

    /// <summary>The phrases of the code blocks of STEPS.md, with the trailing notes (`(table: …)`, `(Default | …)`) removed.</summary>
    public static IReadOnlyList<(StepKind kind, string phrase)> Phrases()
    {
        var phrases = new List<(StepKind, string)>();
        var inBlock = false;
        foreach (var raw in File.ReadLines(TestRepository.StepsDocument))
        {
            if (raw.StartsWith("```", StringComparison.Ordinal)) { inBlock = !inBlock; continue; }
            if (!inBlock) continue;
            var line = Regex.Replace(raw.Trim(), @"\s{2,}\(.*\)$", "");
            if (PhraseLine().Match(line) is { Success: true } m)
                phrases.Add((Enum.Parse<StepKind>(m.Groups[1].Value), m.Groups[2].Value));
        }
        return phrases;
    }

    /// <summary>A phrase written out with sample values: devices as aliases, counts as 3, durations as 5 seconds.</summary>
    public static string Example(string phrase)
    {
        var text = phrase.Replace("\"<a>\", \"<b>\", …", "\"7580\", \"7581\"", StringComparison.Ordinal);
        text = text.Replace("<p>%", "5%", StringComparison.Ordinal);
        text = Regex.Replace(text, "<d>", "5 seconds");
        text = Regex.Replace(text, "<(n|m|r)>", "3");
        text = Regex.Replace(text, "\"<[^>]+>\"", "\"7580\"");
        return text;
    }

    [Fact]
    public void The_document_lists_the_phrases()
    {
        var phrases = Phrases();
        Assert.True(phrases.Count >= 80, $"only {phrases.Count} phrases read from STEPS.md");
        Assert.Contains((StepKind.Then, "no call is lost"), phrases);
    }

    [Fact]
    public void Every_phrase_binds_to_exactly_one_step()
    {
        var problems = new List<string>();
        foreach (var (kind, phrase) in Phrases())
        {
            var text = Example(phrase);
            var match = Catalog.Match(new ScenarioStep(kind + " ", kind, text, 1, null, false));
            if (!match.IsBound) problems.Add($"{kind} {text}: {match.Problem}");
            if (kind == StepKind.Then)
            {
                var within = Catalog.Match(new ScenarioStep("Then ", kind, "within 5 seconds " + text, 1, null, false));
                if (!within.IsBound || within.Within != TimeSpan.FromSeconds(5)) problems.Add($"Then within 5 seconds {text}: {within.Problem}");
            }
        }
        Assert.Empty(problems);
    }

    /// <summary>Phrases added beyond STEPS.md ("more phrases may be added"), to be folded into the document.</summary>
    public static readonly IReadOnlyList<(StepKind kind, string phrase)> Additions =
    [
        (StepKind.Given, "the CPS registers every <d>"),
        (StepKind.Given, "the CSTA application has private data presentation V8 off"),
        (StepKind.Then, "the call from caller \"<name>\" is not an intercept call"),
        (StepKind.Then, "the CPS reports \"<feature>\" as unavailable"),
        (StepKind.Given, "the directory has these entries:"),
        (StepKind.When, "the process \"<process>\" fails on the main server"),
        (StepKind.Then, "the call from caller \"<name>\" is shown as \"<directory name>\""),
        (StepKind.When, "attendant \"<who>\" transfers the call to \"<name>\" from the directory"),
        // OpenScape Business + Unify Phone (Steps/OsBizUnifyPhoneSteps.cs)
        (StepKind.Given, "the Unify Phone tenant JWT is invalidated"),
        (StepKind.Given, "the Unify Phone tenant has no JWT"),
        (StepKind.Given, "\"<system>\" is not under software support"),
        (StepKind.Given, "\"<system>\" has <n> Unify Phone trunk lines"),
        (StepKind.Given, "the Unify Phone license of \"<user>\" is taken away"),
        (StepKind.Given, "the station type of Unify Phone user \"<user>\" is changed to \"<type>\" in Expert Mode"),
        (StepKind.Given, "the route flag \"Trusted External Users\" of \"<system>\" is off"),
        (StepKind.Given, "the trusted external station call number of \"<user>\" is changed to \"<number>\" in Expert Mode"),
        (StepKind.Given, "the Unify Phone user \"<user>\" is edited in Expert Mode"),
        (StepKind.When, "the Unify Phone user \"<user>\" chooses the routing \"<mode>\""),
        (StepKind.When, "the team \"<team>\" is configured with Unify Phone user \"<user>\" and the telephones \"<a>\", \"<b>\", …"),
        (StepKind.When, "the Unify Phone user \"<user>\" is removed"),
        (StepKind.When, "the Unify Phone user \"<user>\" is deleted"),
        (StepKind.When, "the Unify Phone location number incoming of \"<system>\" becomes \"<cc>\", \"<area>\", \"<pabx>\" and the numbers are validated"),
        (StepKind.When, "the Unify Phone users are imported from the CSV file:"),
        (StepKind.When, "Unify Phone user \"<user>\" makes <n> calls to \"<number>\""),
        (StepKind.When, "Unify Phone user \"<user>\" calls \"<number>\""),
        (StepKind.When, "Unify Phone user \"<user>\" hangs up"),
        (StepKind.When, "\"<system>\" runs the Unify Phone Connectivity wizard with the same API key"),
        (StepKind.When, "\"<clone>\" is restored from a backup of \"<system>\" with the Unify Phone connector active"),
        (StepKind.Then, "the Unify Phone request is rejected with \"<reason>\""),
        (StepKind.Then, "the Unify Phone request is done"),
        (StepKind.Then, "\"<user>\" is a Unify Phone user of \"<system>\""),
        (StepKind.Then, "\"<user>\" is no Unify Phone user of \"<system>\""),
        (StepKind.Then, "the Unify Phone tenant has the user \"<email>\""),
        (StepKind.Then, "the Unify Phone tenant has no user \"<email>\""),
        (StepKind.Then, "the Unify Phone call number of \"<user>\" is flagged invalid with \"<reason>\""),
        (StepKind.Then, "the Unify Phone import is refused with \"<reason>\""),
        (StepKind.Then, "the Unify Phone import refuses line <n> with \"<reason>\""),
        (StepKind.Then, "the Unify Phone import accepts line <n>"),
        (StepKind.Then, "the Unify Phone import added its users"),
        (StepKind.Then, "the Unify Phone import added no user"),
        (StepKind.Then, "<n> Unify Phone calls are connected"),
        (StepKind.Then, "the Unify Phone call of \"<user>\" is refused with \"<reason>\""),
        (StepKind.Then, "<n> Unify Phone calls of \"<user>\" are refused"),
        (StepKind.Then, "\"<system>\" is connected to the Unify Phone REST API"),
        (StepKind.Then, "the Unify Phone trunk of \"<system>\" is \"<trunk>\""),
        (StepKind.Then, "the Unify Phone trunk of \"<system>\" is registered"),
        (StepKind.Then, "the Unify Phone trunk of \"<system>\" is not registered"),
        (StepKind.Then, "the telephony connector status is \"<status>\""),
        (StepKind.Then, "the Unify Phone connector reports a second system on trunk \"<trunk>\""),
        (StepKind.Then, "the call from caller \"<name>\" rings only at \"<a>\", \"<b>\", …"),
        // Unify Phone attendants on OSV (Steps/UnifyPhoneAttendantSteps.cs)
        (StepKind.When, "attendant \"<who>\" tries to answer"),
        (StepKind.When, "attendant \"<who>\" tries to pick the next call"),
        (StepKind.When, "attendant \"<who>\" tries to release the call"),
        (StepKind.When, "attendant \"<who>\" tries to transfer the call to \"<target>\""),
        (StepKind.When, "attendant \"<who>\" tries to put the call on hold"),
        (StepKind.When, "attendant \"<who>\" tries to page \"<target>\" for the call"),
        (StepKind.When, "attendant \"<who>\" tries to transfer the call to the number typed as \"<digits>\""),
        (StepKind.When, "attendant \"<who>\" transfers the call to the number typed as \"<digits>\""),
        (StepKind.When, "attendant \"<who>\" pages the number typed as \"<digits>\" for the call"),
        (StepKind.When, "the Unify Phone of attendant \"<who>\" is set unavailable"),
        (StepKind.When, "the Unify Phone of attendant \"<who>\" is set available"),
        (StepKind.When, "the Unify Phone of attendant \"<who>\" puts the call on hold itself"),
        (StepKind.When, "the Unify Phone of attendant \"<who>\" retrieves the call itself"),
        (StepKind.Then, "the attendant request is refused with \"<reason>\""),
        (StepKind.Then, "caller \"<name>\" is held by the PBX without Concierge music"),
        // OpenScape 4000 (Steps/Os4000Steps.cs)
        (StepKind.Given, "the STMI trunk has <n> B channels"),
        (StepKind.When, "\"<number>\" dials \"<digits>\""),
        (StepKind.When, "caller \"<name>\" with restricted presentation dials \"<number>\""),
        (StepKind.Then, "\"<number>\" rings with a call from \"<from>\""),
        (StepKind.Then, "\"<number>\" hears busy tone"),
        (StepKind.Then, "the OpenScape 4000 traced the call from caller \"<name>\" as malicious"),
        (StepKind.Then, "the OpenScape 4000 traced no call as malicious"),
        (StepKind.Then, "the STMI trunk has <n> B channels in use"),
        (StepKind.Then, "the CPS queues the call from \"<number>\" at \"<pilot>\""),
        (StepKind.Then, "the OpenScape 4000 reports the number of caller \"<name>\" over CSTA"),
        (StepKind.Then, "the OpenScape 4000 reports caller \"<name>\" as restricted over CSTA"),
        // OpenScape Contact Center (Steps/OsccSteps.cs)
        (StepKind.Given, "the OSCC is down"),
        (StepKind.When, "the OSCC fails"),
        (StepKind.When, "the OSCC is restored"),
        (StepKind.Then, "attendant \"<who>\" is refused when logging on"),
        (StepKind.Given, "the CSTA link of the CPS opens an application session of <d>"),
        (StepKind.Then, "the CSTA link of the CPS keeps its application session alive"),
        (StepKind.Then, "the CPS read every CSTA document of the PBX"),
    ];

    [Fact]
    public void Every_binding_is_a_phrase_of_the_document_or_a_listed_addition()
    {
        var documented = Phrases().Concat(Additions).Select(p => (p.kind, text: Example(p.phrase))).ToArray();
        var undocumented = Catalog.Bindings
            .Where(b => b.Method?.DeclaringType?.Assembly == typeof(ScenarioWorld).Assembly) // not the QA team's own phrases
            .Where(b => !documented.Any(d => d.kind == b.Kind && b.Matches(d.text)))
            .Select(b => b.Display).ToArray();
        Assert.Empty(undocumented);
    }

    [Fact]
    public void Literal_alternatives_are_accepted_as_written()
    {
        foreach (var text in new[] { "the routing type of tenant \"DEFAULT\" is \"automatic distribution\"", "the routing type of tenant \"DEFAULT\" is \"pick only\"" })
            Assert.True(Catalog.Match(new ScenarioStep("Given ", StepKind.Given, text, 1, null, false)).IsBound);
        Assert.True(Catalog.Match(new ScenarioStep("Given ", StepKind.Given, "attendants \"7580\", \"7581\", \"7582\" are logged on", 1, null, false)).IsBound);
        Assert.True(Catalog.Match(new ScenarioStep("When ", StepKind.When, "500 ms pass", 1, null, false)).IsBound);
        Assert.True(Catalog.Match(new ScenarioStep("When ", StepKind.When, "1 second pass", 1, null, false)).IsBound);
        Assert.True(Catalog.Match(new ScenarioStep("When ", StepKind.When, "20 days pass", 1, null, false)).IsBound);
    }
}
