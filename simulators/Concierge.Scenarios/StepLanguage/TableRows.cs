using System.Reflection;
using Concierge.Scenarios.Features;

namespace Concierge.Scenarios.StepLanguage;

/// <summary>
/// Turns a data table into typed rows: header cells name the constructor parameters of the row type (compared without
/// case, spaces or hyphens), cells are converted like step arguments. A table whose first row does not name the
/// parameters but has as many columns is read as having no header.
/// </summary>
public static class TableRows
{
    /// <summary>The rows of <paramref name="table"/> as <typeparamref name="T"/>.</summary>
    public static IReadOnlyList<T> Read<T>(StepTable table) => Read(table, typeof(T)).Cast<T>().ToArray();

    /// <summary>The rows of <paramref name="table"/> as instances of <paramref name="rowType"/>.</summary>
    public static IReadOnlyList<object> Read(StepTable table, Type rowType)
    {
        var constructor = rowType.GetConstructors(BindingFlags.Public | BindingFlags.Instance).OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"{rowType.Name} has no public constructor to build table rows with");
        var parameters = constructor.GetParameters();
        if (table.Rows.Count == 0) return [];
        var header = table.Header.Select(ValueConversion.Normalize).ToArray();
        var byName = parameters.ToDictionary(p => ValueConversion.Normalize(p.Name!), p => p);
        int[] columnOf;
        IEnumerable<IReadOnlyList<string>> body;
        if (header.All(byName.ContainsKey))
        {
            columnOf = parameters.Select(p => Array.IndexOf(header, ValueConversion.Normalize(p.Name!))).ToArray();
            body = table.Body;
        }
        else if (header.Length == parameters.Length)
        {
            columnOf = Enumerable.Range(0, parameters.Length).ToArray();
            body = table.Rows;
        }
        else
        {
            var unknown = header.Where(h => !byName.ContainsKey(h));
            throw new FormatException($"table columns {string.Join(", ", unknown.Select(u => $"'{u}'"))} are not known; expected columns: {string.Join(" | ", parameters.Select(p => p.Name))}");
        }
        var rows = new List<object>();
        foreach (var cells in body)
        {
            var arguments = new object?[parameters.Length];
            for (var i = 0; i < parameters.Length; i++)
            {
                var column = columnOf[i];
                if (column < 0 || column >= cells.Count)
                {
                    if (parameters[i].HasDefaultValue) { arguments[i] = parameters[i].DefaultValue; continue; }
                    throw new FormatException($"table has no column '{parameters[i].Name}'");
                }
                arguments[i] = ValueConversion.Convert(cells[column], parameters[i].ParameterType);
            }
            rows.Add(constructor.Invoke(arguments));
        }
        return rows;
    }
}
