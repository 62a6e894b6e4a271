using Concierge.Config.Model;
using Concierge.Cps.Records;

namespace Concierge.Store.CallRecords;

/// <summary>
/// The server's <see cref="ICallRecordSink"/>: each ended call record is written to the store in its own transaction
/// before the engine goes on, so an ended call survives <c>kill -9</c>. A write that fails is counted and reported to
/// <paramref name="failed"/> (never thrown into the engine). The tenant is the DDI entry's, or for a personal line the
/// attendant's.
/// </summary>
public sealed class StoreCallRecordSink(ConciergeStore store, string server, ConciergeConfig config, Action<CallRecord, Exception> failed) : ICallRecordSink
{
    /// <summary>Records written.</summary>
    public long Written { get; private set; }

    /// <summary>Records that could not be written.</summary>
    public long Failed { get; private set; }

    /// <inheritdoc />
    public void CallEnded(CallRecord record)
    {
        try
        {
            store.AddCallRecord(ToStored(record, server, TenantOf(config, record)));
            Written++;
        }
        catch (Exception ex) when (ex is StoreException or System.Data.Common.DbException or InvalidOperationException or IOException or TimeoutException)
        {
            Failed++;
            failed(record, ex);
        }
    }

    /// <summary>The tenant a call to <paramref name="record"/>'s number belongs to.</summary>
    public static string TenantOf(ConciergeConfig config, CallRecord record)
    {
        if (config.FindDdiEntry(record.Called) is { } entry) return entry.Tenant;
        if (config.Attendants.FirstOrDefault(a => a.PersonalLine == record.Called) is { } owner) return config.TenantOf(owner);
        return (config.FindTenant(Tenant.DefaultName) ?? config.Tenants.First()).Name;
    }

    /// <summary>The stored form of an ended <paramref name="record"/>.</summary>
    public static StoredCallRecord ToStored(CallRecord record, string server, string tenant) => new(0, server, record.Id, tenant, record.Caller,
        record.Called.ToString(), record.EnteredAt, record.AnsweredAt, record.AnsweredBy,
        record.EndedAt ?? throw new ArgumentException($"call {record.Id} has not ended", nameof(record)),
        record.Disposition!.Value.ToString().ToLowerInvariant(), record.History);
}
