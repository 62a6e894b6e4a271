using System.Reflection;
using System.Text.RegularExpressions;
using Concierge.Config.Durations;
using Concierge.Scenarios.Features;

namespace Concierge.Scenarios.StepLanguage;

/// <summary>The Reqnroll step definitions of a binding assembly (and the extra ones), and the lookup of a step text among them.</summary>
public sealed partial class StepCatalog
{
    [GeneratedRegex(@"^within (?<d>" + DurationText.Pattern + @") (?<rest>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex WithinPrefix();

    private StepCatalog(ReqnrollSession session)
    {
        Session = session;
        Bindings = session.StepDefinitions.Select(d => new StepBinding(d)).ToArray();
    }

    /// <summary>The Reqnroll run the steps execute in.</summary>
    public ReqnrollSession Session { get; }

    /// <summary>Every step definition, in Reqnroll's order.</summary>
    public IReadOnlyList<StepBinding> Bindings { get; }

    /// <summary>The catalog of the [Binding] classes of <paramref name="assembly"/> plus <see cref="BindingAssemblies"/>.</summary>
    public static StepCatalog FromAssembly(Assembly assembly) => new(ReqnrollSession.For(assembly));

    /// <summary>
    /// Looks <paramref name="step"/> up among the definitions of its kind. A Then step that matches nothing is tried again
    /// without a leading `within &lt;d&gt;`. No match reports the closest phrases; several report every candidate.
    /// </summary>
    public StepMatch Match(ScenarioStep step)
    {
        var text = step.Text;
        var candidates = Candidates(step.Kind, text);
        TimeSpan? within = null;
        if (candidates.Count == 0 && step.Kind == StepKind.Then && WithinPrefix().Match(step.Text) is { Success: true } prefix)
        {
            within = DurationText.Parse(prefix.Groups["d"].Value);
            text = prefix.Groups["rest"].Value;
            candidates = Candidates(step.Kind, text);
        }
        if (candidates.Count == 1) return new StepMatch(candidates[0], text, within, null);
        if (candidates.Count > 1)
            return new StepMatch(null, text, within, "ambiguous step; it matches " + string.Join(" | ", candidates.Select(c => $"{c.Display} ({c.Where})")));
        var closest = PhraseSuggestions.Closest(text, step.Kind, Bindings);
        return new StepMatch(null, text, null, "undefined step; closest known phrases: " + string.Join(" | ", closest));
    }

    private List<StepBinding> Candidates(StepKind kind, string text) =>
        Bindings.Where(b => b.Kind == kind && b.Matches(text)).ToList();
}
