using Concierge.Cps.Records;

namespace Concierge.Scenarios.Worlds.Osv;

/// <summary>When a caller's ended CPS call arrived and how it ended: all a caller's view needs of an ended record.</summary>
internal readonly record struct EndedCall(DateTimeOffset EnteredAt, CallDisposition Disposition, Cps.Calls.CallType Type, Config.Numbers.E164Number? MeantFor);

/// <summary>
/// The world's sink for ended call records of every CPS engine it runs: per calling number only the arrival time and
/// disposition of the newest ended call are kept (the records themselves, with their history, are let go), so memory
/// grows with the distinct callers, not with the calls; and the newest <see cref="CallRecorder.DefaultCapacity"/>
/// records themselves, for statistics.
/// </summary>
internal sealed class EndedRecordsByCaller : ICallRecordSink
{
    private readonly Dictionary<string, EndedCall> _latest = new(StringComparer.Ordinal);
    private readonly CallRecorder _recent = new();

    /// <summary>The newest ended records (bounded), oldest first.</summary>
    public IEnumerable<CallRecord> Recent => _recent.Ended;

    /// <summary>Ended records handed over, by every engine.</summary>
    public long EndedTotal { get; private set; }

    public void CallEnded(CallRecord record)
    {
        EndedTotal++;
        _recent.CallEnded(record);
        if (!_latest.TryGetValue(record.Caller, out var kept) || record.EnteredAt >= kept.EnteredAt)
            _latest[record.Caller] = new EndedCall(record.EnteredAt, record.Disposition!.Value, record.Type, record.MeantFor);
    }

    /// <summary>The ended call of <paramref name="caller"/> that arrived last, if any.</summary>
    public EndedCall? LatestOf(string caller) => _latest.TryGetValue(caller, out var call) ? call : null;
}
