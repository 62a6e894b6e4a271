using Concierge.Scenarios.Features;
using Reqnroll;

namespace Concierge.Scenarios.StepLanguage;

/// <summary>Data tables between the feature model and Reqnroll: the first row is Reqnroll's header.</summary>
public static class StepTables
{
    /// <summary>Reqnroll's table of <paramref name="table"/>.</summary>
    public static Table ToReqnroll(StepTable table)
    {
        var result = new Table(table.Header.ToArray());
        foreach (var row in table.Body) result.AddRow(row.ToArray());
        return result;
    }

    /// <summary>The raw cells of a Reqnroll table, header first.</summary>
    public static StepTable FromReqnroll(Table table)
    {
        var rows = new List<IReadOnlyList<string>> { table.Header.ToArray() };
        rows.AddRange(table.Rows.Select(r => (IReadOnlyList<string>)r.Values.ToArray()));
        return new StepTable(rows);
    }
}
