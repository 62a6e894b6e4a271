using System.Reflection;
using System.Text.RegularExpressions;
using Concierge.Scenarios.Features;
using Reqnroll.Bindings;
using Reqnroll.Bindings.Reflection;

namespace Concierge.Scenarios.StepLanguage;

/// <summary>One Reqnroll step definition as the runner shows and matches it: its kind, phrase for people and method.</summary>
public sealed partial class StepBinding
{
    [GeneratedRegex(@"(?<!\\)\{(?<name>[A-Za-z]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterToken();

    [GeneratedRegex(@"\\([(){}/\\])", RegexOptions.CultureInvariant)]
    private static partial Regex Escaped();

    /// <summary>Wraps <paramref name="definition"/>.</summary>
    public StepBinding(IStepDefinitionBinding definition)
    {
        Definition = definition;
        Kind = definition.StepDefinitionType switch
        {
            StepDefinitionType.Given => StepKind.Given,
            StepDefinitionType.When => StepKind.When,
            _ => StepKind.Then,
        };
        Method = (definition.Method as RuntimeBindingMethod)?.MethodInfo;
        var names = definition.Method.Parameters.Select(p => p.ParameterName).ToArray();
        Display = Kind + " " + DisplayOf(definition, names);
    }

    /// <summary>The Reqnroll step definition.</summary>
    public IStepDefinitionBinding Definition { get; }

    /// <summary>Given, When or Then.</summary>
    public StepKind Kind { get; }

    /// <summary>The bound method (null for a binding that is not reflection-based).</summary>
    public MethodInfo? Method { get; }

    /// <summary>The phrase as people read it: `Given attendant "&lt;who&gt;" is logged on`.</summary>
    public string Display { get; }

    /// <summary>`Class.Method`, for error messages.</summary>
    public string Where => $"{Definition.Method.Type.Name}.{Definition.Method.Name}";

    /// <summary>True when <paramref name="text"/> is a step of this phrase.</summary>
    public bool Matches(string text) => Definition.Regex?.IsMatch(text) == true;

    private static string DisplayOf(IStepDefinitionBinding definition, IReadOnlyList<string> names)
    {
        var source = definition.SourceExpression;
        if (definition.ExpressionType != "CucumberExpression") return source;
        var index = 0;
        var shown = ParameterToken().Replace(source, m =>
        {
            var name = index < names.Count ? names[index] : m.Groups["name"].Value;
            index++;
            return m.Groups["name"].Value switch
            {
                "string" or "number" => $"\"<{name}>\"",
                "strings" or "devices" => $"\"<{name}>\", …",
                _ => $"<{name}>",
            };
        });
        return Escaped().Replace(shown, "$1");
    }
}
