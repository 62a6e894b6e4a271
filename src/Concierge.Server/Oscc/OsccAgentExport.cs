using Concierge.Store.Accounts;
using Sylvan.Data.Csv;

namespace Concierge.Server.Oscc;

/// <summary>
/// The business units and users of OpenScape Contact Center, read from its user export (CSV, UTF-8, header
/// <c>businessUnit,user,firstName,lastName</c>), for the OSCC agents import of user administration (C 8.11). Every
/// line is checked and a bad file is refused whole, naming each line, field and value.
/// </summary>
public static class OsccAgentExport
{
    /// <summary>The columns; business unit and user are required.</summary>
    public static readonly string[] Columns = ["businessUnit", "user", "firstName", "lastName"];

    /// <summary>Most users an export may list.</summary>
    public const int MaxAgents = 10_000;

    /// <summary>Reads the export, or throws <see cref="FormatException"/> listing every problem ("line N: field "value" reason").</summary>
    public static IReadOnlyList<OsccAgent> Read(TextReader csv, string source)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var problems = new List<string>();
        var agents = new List<OsccAgent>();
        using var reader = CsvDataReader.Create(csv, new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',', OwnsReader = false });
        var header = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetName(i).Trim()).ToArray();
        if (!header.SequenceEqual(Columns, StringComparer.Ordinal))
            throw new FormatException($"{source}: line 1: header \"{string.Join(",", header)}\" must be {string.Join(",", Columns)}");
        var seen = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read() && problems.Count < 100)
        {
            var line = reader.RowNumber + 1;
            string Field(int i) => i < reader.RowFieldCount ? reader.GetString(i).Trim() : "";
            var (unit, user) = (Field(0), Field(1));
            if (unit.Length == 0 && user.Length == 0) continue;
            if (agents.Count == MaxAgents) { problems.Add($"line {line}: is one too many (at most {MaxAgents:N0} users)"); break; }
            if (unit.Length == 0) problems.Add($"line {line}: businessUnit is empty");
            if (!AccountName.TryParse("oscc\\" + user, out _, out var reason)) problems.Add($"line {line}: user \"{user}\" {reason.Replace("has a name with", "has", StringComparison.Ordinal)}");
            else if (seen.TryGetValue(user, out var first)) problems.Add($"line {line}: user \"{user}\" is listed already on line {first}");
            else seen[user] = line;
            agents.Add(new OsccAgent(unit, user, Field(2), Field(3)));
        }
        return problems.Count == 0 ? agents : throw new FormatException($"{source}: " + string.Join("; ", problems));
    }
}
