using Concierge.Scenarios.Running;

namespace Concierge.Scenarios.Reports;

/// <summary>The console lines of one scenario run in the "Runner output" format of STEPS.md.</summary>
public static class ResultLines
{
    /// <summary>Indentation of the lines under a result line.</summary>
    public const string Indent = "     ";

    /// <summary>`PASS|FAIL|PENDING &lt;feature&gt; :: &lt;scenario&gt; seed=&lt;n&gt; hash=&lt;hex&gt;`.</summary>
    public static string Headline(ScenarioResult result) =>
        $"{Word(result.Status)} {result.Case.Id} seed={result.Seed} hash={result.Hash}";

    /// <summary>PASS, FAIL or PENDING.</summary>
    public static string Word(ScenarioStatus status) => status switch
    {
        ScenarioStatus.Passed => "PASS",
        ScenarioStatus.Failed => "FAIL",
        _ => "PENDING",
    };

    /// <summary>The headline and, for a failure, the failing step with what was observed and the last trace lines; for pending, what is needed.</summary>
    public static IEnumerable<string> All(ScenarioResult result)
    {
        yield return Headline(result);
        if (result.Failure is { } failure)
        {
            yield return Indent + failure.Describe();
            yield return Indent + $"trace (last {result.TraceTail.Count} lines, virtual time; replay with --seed {result.Seed}):";
            foreach (var line in result.TraceTail) yield return Indent + "  " + line;
        }
        else if (result.PendingReason is { } reason)
        {
            var step = result.Steps.FirstOrDefault(s => s.Status == StepStatus.Pending);
            yield return Indent + $"pending: {reason}" + (step is null ? "" : $" (step {step.Number}: {step.Step.Display})");
        }
    }
}
