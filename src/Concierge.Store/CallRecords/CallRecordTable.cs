using Concierge.Runtime.Collections;
using static Concierge.Store.StoreRows;

namespace Concierge.Store.CallRecords;

/// <summary>The <c>call_records</c> table: one insert per ended call in its own transaction; reads newest last.</summary>
internal sealed class CallRecordTable(StoreDatabase database)
{
    /// <summary>The most records one read returns.</summary>
    public const int MaxRead = 100_000;

    public void Add(StoredCallRecord record)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        StoreDatabase.Execute(connection, transaction,
            "INSERT INTO call_records (server, call_id, tenant, caller, called, entered_at_ms, answered_at_ms, answered_by, ended_at_ms, disposition, history) " +
            "VALUES (@server, @call_id, @tenant, @caller, @called, @entered, @answered, @answered_by, @ended, @disposition, @history)",
            ("@server", record.Server), ("@call_id", record.CallId), ("@tenant", record.Tenant), ("@caller", record.Caller),
            ("@called", record.Called), ("@entered", Ms(record.EnteredAt)), ("@answered", Ms(record.AnsweredAt)),
            ("@answered_by", record.AnsweredBy), ("@ended", Ms(record.EndedAt)), ("@disposition", record.Disposition),
            ("@history", string.Join('\n', record.History)));
        transaction.Commit();
    }

    public IReadOnlyList<StoredCallRecord> Read(DateTimeOffset? endedSince, string? tenant, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        using var connection = database.Open();
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        if (endedSince is { } since)
        {
            where.Add("ended_at_ms >= @since");
            parameters.Add(("@since", Ms(since)));
        }
        if (tenant is not null)
        {
            where.Add("tenant = @tenant");
            parameters.Add(("@tenant", tenant));
        }
        parameters.Add(("@limit", Math.Min(limit, MaxRead)));
        var sql = "SELECT id, server, call_id, tenant, caller, called, entered_at_ms, answered_at_ms, answered_by, ended_at_ms, disposition, history " +
                  "FROM call_records" + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "") +
                  " ORDER BY ended_at_ms DESC, id DESC LIMIT @limit";
        var rows = StoreDatabase.Rows(connection, sql, r => new StoredCallRecord(r.Long(0), r.GetString(1), r.Long(2), r.GetString(3),
            r.GetString(4), r.GetString(5), r.Time(6), r.TimeOrNull(7), r.Str(8), r.Time(9), r.GetString(10),
            r.GetString(11).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToValueList()), parameters.ToArray());
        rows.Reverse();
        return rows;
    }

    public long Count()
    {
        using var connection = database.Open();
        return Convert.ToInt64(StoreDatabase.Scalar(connection, null, "SELECT COUNT(*) FROM call_records"), System.Globalization.CultureInfo.InvariantCulture);
    }
}
