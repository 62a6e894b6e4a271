using Concierge.Config.Durations;
using System.Reflection;
using System.Text.RegularExpressions;
using Concierge.Scenarios.Features;
using Concierge.Scenarios.Tags;
using Concierge.Scenarios.Values;

namespace Concierge.Scenarios.Binding;

/// <summary>All step bindings and hooks of a set of step classes, and the lookup of a step text among them.</summary>
public sealed partial class StepCatalog
{
    [GeneratedRegex(@"^within (?<d>" + DurationText.Pattern + @") (?<rest>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex WithinPrefix();

    private StepCatalog(IReadOnlyList<Type> classes, IReadOnlyList<StepBinding> bindings, IReadOnlyList<HookBinding> hooks)
    {
        Classes = classes;
        Bindings = bindings;
        Hooks = hooks;
    }

    /// <summary>The step classes, in a stable order.</summary>
    public IReadOnlyList<Type> Classes { get; }

    /// <summary>Every binding.</summary>
    public IReadOnlyList<StepBinding> Bindings { get; }

    /// <summary>Every hook.</summary>
    public IReadOnlyList<HookBinding> Hooks { get; }

    /// <summary>The catalog of every class marked [StepDefinitions] in <paramref name="assembly"/>.</summary>
    public static StepCatalog FromAssembly(Assembly assembly) =>
        FromTypes(assembly.GetTypes().Where(t => t.GetCustomAttribute<StepDefinitionsAttribute>() is not null));

    /// <summary>The catalog of the given step classes.</summary>
    public static StepCatalog FromTypes(IEnumerable<Type> types)
    {
        var classes = types.OrderBy(t => t.FullName, StringComparer.Ordinal).ToArray();
        var bindings = new List<StepBinding>();
        var hooks = new List<HookBinding>();
        foreach (var type in classes)
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).OrderBy(m => m.MetadataToken))
            {
                foreach (var attribute in method.GetCustomAttributes<StepAttribute>())
                    bindings.Add(new StepBinding(attribute.Kind, attribute.Phrase, method));
                if (method.GetCustomAttribute<BeforeScenarioAttribute>() is { } before)
                    hooks.Add(new HookBinding(method, TagExpression.Parse(before.Tags), true));
                if (method.GetCustomAttribute<AfterScenarioAttribute>() is { } after)
                    hooks.Add(new HookBinding(method, TagExpression.Parse(after.Tags), false));
            }
        }
        return new StepCatalog(classes, bindings, hooks);
    }

    /// <summary>
    /// Looks <paramref name="step"/> up among the bindings of its kind. A Then step that matches nothing is tried again
    /// without a leading `within &lt;d&gt;`. No match reports the closest phrases; several report every candidate.
    /// </summary>
    public StepMatch Match(ScenarioStep step)
    {
        var candidates = Candidates(step.Kind, step.Text);
        TimeSpan? within = null;
        if (candidates.Count == 0 && step.Kind == StepKind.Then && WithinPrefix().Match(step.Text) is { Success: true } prefix)
        {
            within = DurationText.Parse(prefix.Groups["d"].Value);
            candidates = Candidates(step.Kind, prefix.Groups["rest"].Value);
        }
        if (candidates.Count == 1) return new StepMatch(candidates[0].binding, candidates[0].captured, within, null);
        if (candidates.Count > 1)
            return new StepMatch(null, [], within, "ambiguous step; it matches " + string.Join(" | ", candidates.Select(c => $"{c.binding.Display} ({c.binding.Where})")));
        var text = step.Kind == StepKind.Then && WithinPrefix().Match(step.Text) is { Success: true } withinMatch ? withinMatch.Groups["rest"].Value : step.Text;
        var closest = PhraseSuggestions.Closest(text, step.Kind, Bindings);
        return new StepMatch(null, [], null, "undefined step; closest known phrases: " + string.Join(" | ", closest));
    }

    private List<(StepBinding binding, IReadOnlyList<string> captured)> Candidates(StepKind kind, string text)
    {
        var found = new List<(StepBinding, IReadOnlyList<string>)>();
        foreach (var binding in Bindings)
            if (binding.Kind == kind && binding.Match(text) is { } captured) found.Add((binding, captured));
        return found;
    }
}
