using System.Runtime.InteropServices;
using System.Text;
using Concierge.Scenarios.Features;
using Concierge.Scenarios.Reports.Ladders;
using Concierge.Scenarios.Running;
using Concierge.Scenarios.StepLanguage;
using Io.Cucumber.Messages.Types;
using Exception = Io.Cucumber.Messages.Types.Exception;

namespace Concierge.Scenarios.Reports.Cucumber;

/// <summary>
/// A suite run as Cucumber Messages: the sources, Gherkin documents and pickles of the feature files, the Reqnroll step
/// definitions, and per scenario run a test case whose steps carry their results on the virtual timeline (each run
/// starts where the previous one ended, from the run's wall-clock start). The last step that ran (the failing or pending
/// one, else the last) carries the attachments: the SIP/CSTA ladder (image/svg+xml), the seed and the trace hash; an
/// after-test-case step "world invariants" carries the invariant check after the last step.
/// </summary>
public static class CucumberEnvelopes
{
    /// <summary>The envelopes of <paramref name="suite"/>, started at <paramref name="startedAt"/>.</summary>
    public static IEnumerable<Envelope> Build(SuiteResult suite, StepCatalog catalog, DateTimeOffset startedAt)
    {
        var version = typeof(CucumberEnvelopes).Assembly.GetName().Version?.ToString() ?? "0";
        yield return Envelope.Create(new Meta("35.0.0", new Product("concierge-sim", version), new Product(".NET", Environment.Version.ToString()),
            new Product(RuntimeInformation.OSDescription, null), new Product(RuntimeInformation.OSArchitecture.ToString(), null), null));
        var pickles = new Dictionary<string, Pickle>(StringComparer.Ordinal);
        foreach (var feature in suite.Features)
        {
            if (feature.Messages is not { } messages) continue;
            yield return Envelope.Create(messages.Source);
            yield return Envelope.Create(messages.Document);
            foreach (var pickle in messages.Pickles)
            {
                pickles[pickle.Id] = pickle;
                yield return Envelope.Create(pickle);
            }
        }
        var definitionIds = new Dictionary<StepBinding, string>();
        foreach (var binding in catalog.Bindings)
        {
            var id = "sd-" + definitionIds.Count;
            definitionIds[binding] = id;
            var type = binding.Definition.ExpressionType == "CucumberExpression" ? StepDefinitionPatternType.CUCUMBER_EXPRESSION : StepDefinitionPatternType.REGULAR_EXPRESSION;
            yield return Envelope.Create(new StepDefinition(id, new StepDefinitionPattern(binding.Definition.SourceExpression, type), new SourceReference(binding.Where, null, null, null)));
        }
        const string hookId = "hook-world";
        yield return Envelope.Create(new Hook(hookId, "world invariants, ladder, seed and trace hash", new SourceReference("ScenarioRunner", null, null, null), null, HookType.AFTER_TEST_CASE));
        const string runId = "run";
        yield return Envelope.Create(new TestRunStarted(Stamp(startedAt), runId));

        var cursor = startedAt;
        var number = 0;
        foreach (var result in suite.Results)
        {
            if (result.Case.PickleId is not { } pickleId || !pickles.TryGetValue(pickleId, out var pickle) || pickle.Steps.Count != result.Steps.Count) continue;
            var caseId = "tc-" + number;
            var startedId = "tcs-" + number;
            number++;
            var steps = new List<TestStep>();
            for (var i = 0; i < result.Steps.Count; i++)
            {
                var match = catalog.Match(result.Case.Steps[i]);
                var ids = match.Binding is { } b && definitionIds.TryGetValue(b, out var sd) ? new List<string> { sd } : [];
                steps.Add(new TestStep(null, $"{caseId}-s{i}", pickle.Steps[i].Id, ids, []));
            }
            var hookStepId = $"{caseId}-world";
            steps.Add(new TestStep(hookId, hookStepId, null, null, null));
            yield return Envelope.Create(new TestCase(caseId, pickleId, steps, runId));
            yield return Envelope.Create(new TestCaseStarted(0, startedId, caseId, "0", Stamp(cursor)));
            var last = TimeSpan.Zero;
            var target = AttachmentStep(result);
            for (var i = 0; i < result.Steps.Count; i++)
            {
                var outcome = result.Steps[i];
                var from = outcome.Started ?? last;
                var to = outcome.Finished ?? from;
                last = to;
                yield return Envelope.Create(new TestStepStarted(startedId, steps[i].Id, Stamp(cursor + from)));
                var status = Status(outcome);
                var exception = status == TestStepResultStatus.FAILED && outcome.Message is { } m ? new Exception("StepFailed", m, null) : null;
                if (i == target)
                    foreach (var attachment in Attachments(result, startedId, steps[i].Id, Stamp(cursor + to))) yield return Envelope.Create(attachment);
                yield return Envelope.Create(new TestStepFinished(startedId, steps[i].Id, new TestStepResult(Length(to - from), outcome.Message, status, exception), Stamp(cursor + to)));
            }
            var end = cursor + result.VirtualTime;
            yield return Envelope.Create(new TestStepStarted(startedId, hookStepId, Stamp(end)));
            var after = result.Failure is { StepNumber: 0 } failure
                ? new TestStepResult(Length(TimeSpan.Zero), failure.Describe(), TestStepResultStatus.FAILED, new Exception("InvariantBroken", failure.Describe(), null))
                : new TestStepResult(Length(TimeSpan.Zero), null, result.Status == ScenarioStatus.Passed ? TestStepResultStatus.PASSED : TestStepResultStatus.SKIPPED, null);
            yield return Envelope.Create(new TestStepFinished(startedId, hookStepId, after, Stamp(end)));
            yield return Envelope.Create(new TestCaseFinished(startedId, Stamp(end), false));
            cursor = end + TimeSpan.FromMilliseconds(1);
        }
        var success = suite.Results.All(r => r.Status != ScenarioStatus.Failed) && suite.FeatureErrors.Count == 0;
        yield return Envelope.Create(new TestRunFinished(success ? null : suite.SummaryLine, success, Stamp(cursor), null, runId));
    }

    /// <summary>The index of the step that carries the attachments: the failed or pending one, else the last that ran, else the last.</summary>
    public static int AttachmentStep(ScenarioResult result)
    {
        var steps = result.Steps;
        for (var i = 0; i < steps.Count; i++)
            if (steps[i].Status is StepStatus.Failed or StepStatus.Pending) return i;
        for (var i = steps.Count - 1; i >= 0; i--)
            if (steps[i].Started is not null) return i;
        return steps.Count - 1;
    }

    /// <summary>The ladder (when recorded), then the seed and the trace hash of one run.</summary>
    public static IEnumerable<Attachment> Attachments(ScenarioResult result, string testCaseStartedId, string testStepId, Timestamp at)
    {
        if (result.Ladder is { } ladder)
        {
            var svg = LadderSvg.Build(ladder, $"{result.Case.Name} — seed {result.Seed}", result.Failure?.StepNumber ?? 0);
            yield return new Attachment(Convert.ToBase64String(Encoding.UTF8.GetBytes(svg)), AttachmentContentEncoding.BASE64, "ladder.svg", "image/svg+xml",
                null, testCaseStartedId, testStepId, null, null, null, at);
        }
        yield return new Attachment($"seed={result.Seed} hash={result.Hash}\nreplay: ./run-sim.sh --feature {result.Case.FeaturePath} --seed {result.Seed}",
            AttachmentContentEncoding.IDENTITY, "seed-and-hash.txt", "text/plain", null, testCaseStartedId, testStepId, null, null, null, at);
    }

    private static TestStepResultStatus Status(StepOutcome outcome) => outcome.Status switch
    {
        StepStatus.Passed => TestStepResultStatus.PASSED,
        StepStatus.Pending => TestStepResultStatus.PENDING,
        StepStatus.Skipped => TestStepResultStatus.SKIPPED,
        _ when outcome.Message?.StartsWith("undefined step", StringComparison.Ordinal) == true => TestStepResultStatus.UNDEFINED,
        _ when outcome.Message?.StartsWith("ambiguous step", StringComparison.Ordinal) == true => TestStepResultStatus.AMBIGUOUS,
        _ => TestStepResultStatus.FAILED,
    };

    private static Timestamp Stamp(DateTimeOffset at)
    {
        var ticks = (at - DateTimeOffset.UnixEpoch).Ticks;
        return new Timestamp(ticks / TimeSpan.TicksPerSecond, ticks % TimeSpan.TicksPerSecond * 100);
    }

    private static Duration Length(TimeSpan span) => new(span.Ticks / TimeSpan.TicksPerSecond, span.Ticks % TimeSpan.TicksPerSecond * 100);
}
