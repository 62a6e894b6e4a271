using System.Globalization;
using System.Text;

namespace Concierge.Cps.Records;

/// <summary>Call records as CSV (RFC 4180: a header row, comma-separated, fields with commas, quotes or line breaks quoted).</summary>
public static class CallRecordCsv
{
    /// <summary>The header row.</summary>
    public const string Header = "id,tenant,type,caller,called,meant_for,entered_at,answered_at,answered_by,ended_at,disposition,wait_s";

    /// <summary>Writes the header and one row per record.</summary>
    public static void Write(TextWriter writer, IEnumerable<CallRecord> records)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(records);
        writer.Write(Header);
        writer.Write("\r\n");
        foreach (var record in records)
        {
            writer.Write(Row(record));
            writer.Write("\r\n");
        }
    }

    /// <summary>One record's row.</summary>
    public static string Row(CallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var wait = (record.AnsweredAt ?? record.EndedAt) is { } until ? (until - record.EnteredAt).TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) : "";
        string[] fields =
        [
            record.Id.ToString(CultureInfo.InvariantCulture), record.Tenant, Lower(record.Type.ToString()), record.Caller, record.Called.ToString(),
            record.MeantFor?.ToString() ?? "", Time(record.EnteredAt), Time(record.AnsweredAt), record.AnsweredBy ?? "", Time(record.EndedAt),
            record.Disposition is { } d ? Lower(d.ToString()) : "", wait,
        ];
        return string.Join(',', fields.Select(Quote));
    }

    private static string Lower(string text) => text.ToLowerInvariant();

    private static string Time(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture) ?? "";

    private static string Quote(string field)
    {
        if (field.IndexOfAny([',', '"', '\r', '\n']) < 0) return field;
        var quoted = new StringBuilder(field.Length + 2).Append('"');
        foreach (var c in field) quoted.Append(c == '"' ? "\"\"" : c.ToString());
        return quoted.Append('"').ToString();
    }
}
