using System.Net.Mail;
using Concierge.Config.Numbers;
using Concierge.Runtime.Collections;
using Sylvan.Data.Csv;

namespace Concierge.Cps.Directory;

/// <summary>
/// Imports the phone book from CSV (UTF-8, RFC 4180, header <c>name,numbers,department,location,email</c>; numbers
/// E.164 with '+', several separated by ';'). Every line is checked; one bad line refuses the whole import, listing
/// every problem with its line number, so nothing is half-imported.
/// </summary>
public static class DirectoryCsv
{
    /// <summary>The columns, in the order written; name and numbers are required.</summary>
    public static readonly string[] Columns = ["name", "numbers", "department", "location", "email"];

    /// <summary>Most problems listed before the import gives up reading.</summary>
    public const int MaxProblems = 100;

    /// <summary>Reads a directory from <paramref name="csv"/>.</summary>
    public static DirectoryImportResult Import(TextReader csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var problems = new List<DirectoryImportProblem>();
        var entries = new List<DirectoryEntry>();
        var owners = new Dictionary<E164Number, int>();
        CsvDataReader reader;
        try
        {
            reader = CsvDataReader.Create(csv, new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',', OwnsReader = false });
        }
        catch (CsvMissingHeadersException)
        {
            return Refused(new DirectoryImportProblem(1, "header", null, $"is missing: the first line must be {string.Join(",", Columns)}"));
        }
        using (reader)
        {
            var header = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetName(i).Trim()).ToArray();
            if (header.Length == 0 || header.All(string.IsNullOrEmpty))
                return Refused(new DirectoryImportProblem(1, "header", null, $"is missing: the first line must be {string.Join(",", Columns)}"));
            foreach (var column in header.Where(c => !Columns.Contains(c, StringComparer.Ordinal)))
                problems.Add(new DirectoryImportProblem(1, "header", column, $"is not a column (columns: {string.Join(",", Columns)})"));
            foreach (var required in new[] { "name", "numbers" }.Where(c => !header.Contains(c, StringComparer.Ordinal)))
                problems.Add(new DirectoryImportProblem(1, "header", null, $"has no column \"{required}\""));
            if (problems.Count > 0) return Refused([.. problems]);
            var columnOf = Columns.ToDictionary(c => c, c => Array.IndexOf(header, c), StringComparer.Ordinal);
            try
            {
                while (reader.Read() && problems.Count < MaxProblems)
                {
                    var line = reader.RowNumber + 1; // the header is line 1
                    string? Field(string column) =>
                        columnOf[column] is var i and >= 0 && i < reader.RowFieldCount && reader.GetString(i).Trim() is { Length: > 0 } value ? value : null;
                    if (Columns.All(c => Field(c) is null)) continue; // a blank line
                    if (entries.Count >= PhoneDirectory.MaxEntries)
                    {
                        problems.Add(new DirectoryImportProblem(line, "line", null, $"is one too many: a directory holds at most {PhoneDirectory.MaxEntries} entries"));
                        break;
                    }
                    if (ReadEntry(Field, line, owners, problems) is { } entry) entries.Add(entry);
                }
            }
            catch (CsvFormatException e)
            {
                problems.Add(new DirectoryImportProblem(e.RowNumber + 1, "line", null, "cannot be read as CSV: " + e.Message));
            }
        }
        return problems.Count > 0 ? Refused([.. problems]) : new DirectoryImportResult(new PhoneDirectory(entries), ValueList<DirectoryImportProblem>.Empty);
    }

    private static DirectoryEntry? ReadEntry(Func<string, string?> field, int line, Dictionary<E164Number, int> owners, List<DirectoryImportProblem> problems)
    {
        var before = problems.Count;
        var name = field("name");
        if (name is null) problems.Add(new DirectoryImportProblem(line, "name", null, "is empty"));
        var numbers = new List<E164Number>();
        var numbersText = field("numbers");
        if (numbersText is null) problems.Add(new DirectoryImportProblem(line, "numbers", null, "is empty: an entry needs at least one number"));
        foreach (var text in (numbersText ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (E164Number.Reject(text) is { } reason)
            {
                problems.Add(new DirectoryImportProblem(line, "numbers", text, reason));
                continue;
            }
            var number = E164Number.Parse(text);
            if (owners.TryGetValue(number, out var first))
                problems.Add(new DirectoryImportProblem(line, "numbers", text, $"is already the number of line {first}"));
            else
            {
                owners[number] = line;
                numbers.Add(number);
            }
        }
        var email = field("email");
        if (email is not null && (!MailAddress.TryCreate(email, out var address) || address.Address != email))
            problems.Add(new DirectoryImportProblem(line, "email", email, "is not an e-mail address"));
        return problems.Count == before ? new DirectoryEntry(name!, numbers.ToValueList(), field("department"), field("location"), email) : null;
    }

    private static DirectoryImportResult Refused(params DirectoryImportProblem[] problems) => new(null, problems.ToValueList());
}
