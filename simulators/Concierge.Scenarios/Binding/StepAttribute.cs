using Concierge.Scenarios.Features;

namespace Concierge.Scenarios.Binding;

/// <summary>
/// Binds a method to a step phrase. The phrase is a template with typed placeholders — `{string}`, `{number}`
/// (phone number or alias), `{strings}` (list of quoted strings), `{int}`, `{decimal}`, `{duration}` — or, when it
/// starts with `^`, a regular expression whose groups are the arguments.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public abstract class StepAttribute(StepKind kind, string phrase) : Attribute
{
    /// <summary>Given, When or Then.</summary>
    public StepKind Kind { get; } = kind;

    /// <summary>The phrase template or regular expression.</summary>
    public string Phrase { get; } = phrase;
}

/// <summary>Binds a setup step.</summary>
public sealed class GivenAttribute(string phrase) : StepAttribute(StepKind.Given, phrase);

/// <summary>Binds an action step.</summary>
public sealed class WhenAttribute(string phrase) : StepAttribute(StepKind.When, phrase);

/// <summary>Binds an assertion step; every Then phrase also accepts a `within &lt;d&gt;` prefix.</summary>
public sealed class ThenAttribute(string phrase) : StepAttribute(StepKind.Then, phrase);

/// <summary>Marks a class whose methods bind steps; one instance is created per scenario run.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StepDefinitionsAttribute : Attribute;

/// <summary>Runs a method before each scenario whose tags match <see cref="Tags"/> (all when empty).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BeforeScenarioAttribute(string tags = "") : Attribute
{
    /// <summary>A tag expression restricting the hook.</summary>
    public string Tags { get; } = tags;
}

/// <summary>Runs a method after each scenario (also after failures) whose tags match <see cref="Tags"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AfterScenarioAttribute(string tags = "") : Attribute
{
    /// <summary>A tag expression restricting the hook.</summary>
    public string Tags { get; } = tags;
}
