using System.Globalization;

namespace Concierge.Interop.Tests.Support;

/// <summary>The last row of a SIPp statistics file (-trace_stat -stf), column by column.</summary>
internal sealed class SippStatistics
{
    private readonly IReadOnlyDictionary<string, string> _row;

    private SippStatistics(IReadOnlyDictionary<string, string> row) => _row = row;

    /// <summary>The file's last row, or null while SIPp has written none.</summary>
    public static SippStatistics? Read(string csv)
    {
        if (!File.Exists(csv)) return null;
        string[] lines;
        using (var stream = new FileStream(csv, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        using (var reader = new StreamReader(stream))
            lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length < 2) return null;
        var header = lines[0].Split(';');
        var last = lines[^1].Split(';');
        if (last.Length < header.Length - 1) last = lines.Length > 2 ? lines[^2].Split(';') : last; // a row being written
        var row = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length && i < last.Length; i++) row[header[i].Trim()] = last[i].Trim();
        return new SippStatistics(row);
    }

    /// <summary>A cumulative counter such as <c>SuccessfulCall(C)</c>, <c>FailedCall(C)</c>, <c>IncomingCall(C)</c>.</summary>
    public long this[string column] =>
        _row.TryGetValue(column, out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new KeyNotFoundException($"SIPp statistics have no counter {column}; columns: {string.Join(",", _row.Keys.Take(30))}");

    public override string ToString() =>
        string.Join(", ", new[] { "IncomingCall(C)", "OutgoingCall(C)", "SuccessfulCall(C)", "FailedCall(C)" }
            .Where(_row.ContainsKey).Select(c => $"{c}={_row[c]}"));
}
