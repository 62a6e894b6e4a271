namespace Concierge.Scenarios.Steps;

/// <summary>Writes a table cell as a CSV field (RFC 4180), for steps that hand a table to a CSV import.</summary>
internal static class CsvCell
{
    public static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) < 0 ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
