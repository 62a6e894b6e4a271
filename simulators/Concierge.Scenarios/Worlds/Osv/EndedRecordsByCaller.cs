using Concierge.Cps.Records;

namespace Concierge.Scenarios.Worlds.Osv;

/// <summary>
/// The world's sink for ended call records of every CPS engine it runs: per calling number only the newest arrival
/// is kept (what a caller's view needs), so memory grows with the callers, not with the calls.
/// </summary>
internal sealed class EndedRecordsByCaller : ICallRecordSink
{
    private readonly Dictionary<string, CallRecord> _latest = new(StringComparer.Ordinal);

    /// <summary>Ended records handed over, by every engine.</summary>
    public long EndedTotal { get; private set; }

    public void CallEnded(CallRecord record)
    {
        EndedTotal++;
        if (!_latest.TryGetValue(record.Caller, out var kept) || record.EnteredAt >= kept.EnteredAt) _latest[record.Caller] = record;
    }

    /// <summary>The ended record of <paramref name="caller"/> that arrived last, if any.</summary>
    public CallRecord? LatestOf(string caller) => _latest.GetValueOrDefault(caller);
}
