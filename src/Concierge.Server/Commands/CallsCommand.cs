using System.Globalization;
using System.Text.Json;
using Concierge.Server.Options;
using Concierge.Store.CallRecords;

namespace Concierge.Server.Commands;

/// <summary><c>calls [--since &lt;time&gt;] [--json] [--limit n]</c>: stored call records, oldest first, one line or one JSON object per record.</summary>
public static class CallsCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Runs it.</summary>
    public static int Run(CommandContext context)
    {
        var arguments = context.Arguments(["--since", "--limit"], ["--json"]);
        context.Expect(arguments, 0, "calls [--since <time>] [--json] [--limit <n>]");
        DateTimeOffset? since = null;
        if (arguments.Value("--since") is { } sinceText)
            since = DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : throw new OptionException("--since", sinceText, "is not a time (ISO 8601, e.g. 2026-12-02T09:00:00Z or 2026-12-02)");
        var limit = 100_000;
        if (arguments.Value("--limit") is { } limitText && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1))
            throw new OptionException("--limit", limitText, "is not a positive whole number");
        var store = context.Store(arguments);
        foreach (var record in store.CallRecords(since, tenant: null, limit))
            context.Io.Out.WriteLine(arguments.Has("--json") ? JsonSerializer.Serialize(record, Json) : Line(record));
        return 0;
    }

    /// <summary>One record as a line: end time, disposition, tenant, caller → called, who answered, how long it waited.</summary>
    public static string Line(StoredCallRecord r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.EndedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'} {r.Disposition,-12} {r.Tenant} {r.Caller} -> {r.Called}" +
        $"{(r.AnsweredBy is { } by ? " answered by " + by : "")} after {((r.AnsweredAt ?? r.EndedAt) - r.EnteredAt).TotalSeconds:0.0} s (server {r.Server}, call {r.CallId})");
}
