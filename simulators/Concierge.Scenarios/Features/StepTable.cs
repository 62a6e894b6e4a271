namespace Concierge.Scenarios.Features;

/// <summary>A Gherkin data table: the raw cells of every row, the first row usually being the header.</summary>
public sealed record StepTable(IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>The first row, or empty for an empty table.</summary>
    public IReadOnlyList<string> Header => Rows.Count > 0 ? Rows[0] : [];

    /// <summary>Every row after the header.</summary>
    public IEnumerable<IReadOnlyList<string>> Body => Rows.Skip(1);

    /// <summary>The table with every `&lt;name&gt;` placeholder replaced from an outline row.</summary>
    public StepTable Substitute(IReadOnlyDictionary<string, string> values) =>
        new(Rows.Select(r => (IReadOnlyList<string>)r.Select(c => OutlineText.Substitute(c, values)).ToArray()).ToArray());
}
