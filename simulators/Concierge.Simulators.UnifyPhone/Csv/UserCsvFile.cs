using System.Text;
using System.Text.RegularExpressions;

namespace Concierge.Simulators.UnifyPhone.Csv;

/// <summary>A user row of the import file that passed the file's own checks.</summary>
public sealed record CsvUserRow(int Line, string EmailAddress, string FirstName, string LastName, string Locale);

/// <summary>The verdict on one row of an import: accepted, or refused with the reason.</summary>
public sealed record CsvRowVerdict(int Line, string EmailAddress, string? Reason)
{
    /// <summary>True when the row is accepted.</summary>
    public bool Accepted => Reason is null;

    /// <inheritdoc />
    public override string ToString() => Accepted ? $"line {Line}: {EmailAddress} accepted" : $"line {Line}: {Reason}";
}

/// <summary>
/// The Unify Phone user import file (U 2.4): CSV UTF-8 (a byte order mark is allowed, as Excel's "CSV UTF-8 (Comma
/// delimited)" writes one), first line exactly the camel-case header <c>emailAddress,firstName,lastName,locale</c>,
/// then one user per line. Blank lines are skipped. Checks each row on its own; the tenant adds the checks against its users.
/// </summary>
public static partial class UserCsvFile
{
    /// <summary>The header, in camel case as the import requires.</summary>
    public static readonly IReadOnlyList<string> Header = ["emailAddress", "firstName", "lastName", "locale"];

    /// <summary>The header as one line.</summary>
    public static string HeaderLine => string.Join(",", Header);

    /// <summary>Largest file read.</summary>
    public const int MaxBytes = 1 << 20;

    [GeneratedRegex(@"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^[a-z]{2,3}(-[A-Z]{2})?$")]
    private static partial Regex LocalePattern();

    /// <summary>
    /// Reads <paramref name="utf8"/>: the file problem (not UTF-8, empty, bad header) or null, the rows that passed and
    /// the verdicts of the rows that did not.
    /// </summary>
    public static (string? FileProblem, IReadOnlyList<CsvUserRow> Rows, IReadOnlyList<CsvRowVerdict> Refused) Read(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxBytes) return ($"the file is larger than {MaxBytes} bytes", [], []);
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) utf8 = utf8[3..];
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(utf8);
        }
        catch (DecoderFallbackException invalid)
        {
            return ($"the file is not UTF-8 (byte {invalid.Index}): save it as CSV UTF-8 (Comma delimited)", [], []);
        }
        var records = CsvRecordReader.Read(text);
        if (records.Count == 0 || records[0].IsBlank) return ("the file is empty: line 1 must be the header " + HeaderLine, [], []);
        var header = records[0];
        if (HeaderProblem(header) is { } headerProblem) return (headerProblem, [], []);
        var rows = new List<CsvUserRow>();
        var refused = new List<CsvRowVerdict>();
        foreach (var record in records.Skip(1))
        {
            if (record.IsBlank) continue;
            var email = record.Fields.Count > 0 ? record.Fields[0].Trim() : "";
            if (RowProblem(record) is { } problem) refused.Add(new CsvRowVerdict(record.Line, email, $"line {record.Line}: {problem}"));
            else rows.Add(new CsvUserRow(record.Line, email, record.Fields[1].Trim(), record.Fields[2].Trim(), record.Fields[3].Trim()));
        }
        return (null, rows, refused);
    }

    /// <summary>The problem with the header record, or null when it is exactly the camel-case header.</summary>
    public static string? HeaderProblem(CsvRecord header)
    {
        var found = string.Join(",", header.Fields);
        if (header.Problem is { } problem) return $"line 1: {problem}";
        if (header.Fields.SequenceEqual(Header, StringComparer.Ordinal)) return null;
        if (header.Fields.SequenceEqual(Header, StringComparer.OrdinalIgnoreCase))
            return $"line 1: the header must be in camel case: {HeaderLine} (found {found})";
        return $"line 1: the header must be {HeaderLine} (found {found})";
    }

    private static string? RowProblem(CsvRecord record)
    {
        if (record.Problem is { } problem) return problem;
        if (record.Fields.Count != Header.Count) return $"has {record.Fields.Count} fields, expected {Header.Count} ({HeaderLine})";
        var email = record.Fields[0].Trim();
        if (email.Length == 0) return "emailAddress is empty";
        if (!EmailPattern().IsMatch(email)) return $"emailAddress '{email}' is not an e-mail address";
        if (record.Fields[1].Trim().Length == 0) return "firstName is empty";
        if (record.Fields[2].Trim().Length == 0) return "lastName is empty";
        var locale = record.Fields[3].Trim();
        if (locale.Length == 0) return "locale is empty";
        if (!LocalePattern().IsMatch(locale)) return $"locale '{locale}' is not a language tag such as de-DE";
        return null;
    }

    /// <summary>True when <paramref name="email"/> is an e-mail address the import accepts.</summary>
    public static bool IsEmailAddress(string email) => EmailPattern().IsMatch(email);

    /// <summary>The CSV text of a header and rows, fields quoted where needed (for callers that build a file).</summary>
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        text.Append(string.Join(",", header.Select(Quote))).Append("\r\n");
        foreach (var row in rows) text.Append(string.Join(",", row.Select(Quote))).Append("\r\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
