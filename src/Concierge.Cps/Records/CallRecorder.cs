namespace Concierge.Cps.Records;

/// <summary>
/// Keeps the newest <see cref="Capacity"/> ended call records in memory, oldest first, and counts those it let go:
/// the bounded record sink of simulation and tests (memory stays flat however many calls a run makes).
/// </summary>
public sealed class CallRecorder : ICallRecordSink
{
    /// <summary>How many ended records a recorder keeps unless told otherwise.</summary>
    public const int DefaultCapacity = 10_000;

    private readonly Queue<CallRecord> _ended;

    /// <summary>Creates a recorder keeping at most <paramref name="capacity"/> records (at least one).</summary>
    public CallRecorder(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _ended = new Queue<CallRecord>(Math.Min(capacity, 1024));
    }

    /// <summary>The most ended records kept.</summary>
    public int Capacity { get; }

    /// <summary>Ended records kept, oldest ended first.</summary>
    public IReadOnlyCollection<CallRecord> Ended => _ended;

    /// <summary>Every ended record this recorder was handed, kept or let go.</summary>
    public long EndedTotal { get; private set; }

    /// <summary>Ended records let go to stay within <see cref="Capacity"/>.</summary>
    public long Dropped { get; private set; }

    /// <inheritdoc />
    public void CallEnded(CallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        EndedTotal++;
        if (_ended.Count == Capacity)
        {
            _ended.Dequeue();
            Dropped++;
        }
        _ended.Enqueue(record);
    }
}
