using System.Text;

namespace Concierge.Simulators.UnifyPhone.Csv;

/// <summary>One record of a CSV file: its fields and the line it starts on (1-based).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, string? Problem = null)
{
    /// <summary>True when every field is empty (a blank line, or Excel's trailing `,,,`).</summary>
    public bool IsBlank => Problem is null && Fields.All(f => f.Length == 0);
}

/// <summary>
/// Splits UTF-8 text into comma-separated records (RFC 4180: quoted fields may hold commas, doubled quotes and line
/// breaks; CRLF or LF end a record). Bounded: at most <see cref="MaxRecords"/> records of <see cref="MaxFieldChars"/>
/// characters per field; a record breaking a bound or an unclosed quote is returned with its problem.
/// </summary>
public static class CsvRecordReader
{
    /// <summary>Most records read from one file; the rest is reported as one problem.</summary>
    public const int MaxRecords = 10_000;

    /// <summary>Longest field.</summary>
    public const int MaxFieldChars = 320;

    /// <summary>The records of <paramref name="text"/>.</summary>
    public static IReadOnlyList<CsvRecord> Read(string text)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var i = 0;
        string? problem = null;
        while (i <= text.Length)
        {
            if (records.Count == MaxRecords)
            {
                records.Add(new CsvRecord(recordLine, [], $"the file has more than {MaxRecords} rows"));
                return records;
            }
            if (i == text.Length)
            {
                if (fields.Count > 0 || field.Length > 0) Finish();
                break;
            }
            var c = text[i];
            if (c == '"' && field.Length == 0)
            {
                // a quoted field: up to the closing quote, "" is one quote
                i++;
                var closed = false;
                while (i < text.Length)
                {
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { Append('"'); i += 2; continue; }
                        i++;
                        closed = true;
                        break;
                    }
                    if (text[i] == '\n') line++;
                    Append(text[i]);
                    i++;
                }
                if (!closed)
                {
                    problem ??= "a quoted field is not closed";
                    Finish();
                    break;
                }
                if (i < text.Length && text[i] is not (',' or '\r' or '\n')) problem ??= "text follows a closing quote";
                continue;
            }
            switch (c)
            {
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    i++;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    i++;
                    break;
                case '\r' or '\n':
                    Finish();
                    i++;
                    line++;
                    recordLine = line;
                    break;
                default:
                    Append(c);
                    i++;
                    break;
            }
        }
        return records;

        void Append(char ch)
        {
            if (field.Length < MaxFieldChars) field.Append(ch);
            else problem ??= $"a field is longer than {MaxFieldChars} characters";
        }

        void Finish()
        {
            fields.Add(field.ToString());
            field.Clear();
            records.Add(new CsvRecord(recordLine, fields.ToArray(), problem));
            fields.Clear();
            problem = null;
        }
    }
}
