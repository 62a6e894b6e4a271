namespace Concierge.Scenarios.Features;

/// <summary>One step of a scenario run, outline placeholders already replaced.</summary>
/// <param name="Keyword">The keyword as written, e.g. `Given ` or `And `.</param>
/// <param name="Kind">The effective kind after resolving `And`/`But`.</param>
/// <param name="Text">The step text after the keyword.</param>
/// <param name="Line">The line in the feature file.</param>
/// <param name="Table">The data table attached to the step, if any.</param>
/// <param name="FromBackground">True for steps that come from the feature's Background.</param>
public sealed record ScenarioStep(string Keyword, StepKind Kind, string Text, int Line, StepTable? Table, bool FromBackground)
{
    /// <summary>Keyword and text as written in the file, e.g. `Then no call is lost`.</summary>
    public string Display => Keyword.TrimEnd() + " " + Text;

    /// <summary>The doc string attached to the step (outline placeholders replaced), or null.</summary>
    public string? DocString { get; init; }
}
