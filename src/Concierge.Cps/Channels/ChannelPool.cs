namespace Concierge.Cps.Channels;

/// <summary>
/// The CPS trunk's channels, split into processing and operational shares. Processing use of 90 % or more raises
/// the channel alert; a full processing share is the overload condition for new calls. Operational channels are
/// never used for queueing, so attendants can still move calls when processing channels are exhausted.
/// </summary>
public sealed class ChannelPool
{
    private readonly Dictionary<long, ChannelLease> _held = new();
    private long _nextId;

    /// <summary>Creates a pool of <paramref name="channels"/> channels split by <paramref name="ratio"/>.</summary>
    public ChannelPool(int channels, int ratio) => Split = ChannelSplit.For(channels, ratio);

    /// <summary>The capacity of each share.</summary>
    public ChannelSplit Split { get; }

    /// <summary>Processing channels in use.</summary>
    public int ProcessingInUse { get; private set; }

    /// <summary>Operational channels in use.</summary>
    public int OperationalInUse { get; private set; }

    /// <summary>True while 90 % or more of the processing channels are in use.</summary>
    public bool IsAlerting => Split.Processing > 0 && ProcessingInUse * 10 >= Split.Processing * 9;

    /// <summary>True while every processing channel is in use: new calls get the overload handling.</summary>
    public bool IsOverloaded => ProcessingInUse >= Split.Processing;

    /// <summary>The channels held now.</summary>
    public IReadOnlyCollection<ChannelLease> Held => _held.Values;

    /// <summary>Takes a channel of <paramref name="kind"/>, or returns null when that share is exhausted.</summary>
    public ChannelLease? TryAcquire(ChannelKind kind, string purpose)
    {
        if (kind == ChannelKind.Processing)
        {
            if (ProcessingInUse >= Split.Processing) return null;
            ProcessingInUse++;
        }
        else
        {
            if (OperationalInUse >= Split.Operational) return null;
            OperationalInUse++;
        }
        var lease = new ChannelLease(++_nextId, kind, purpose);
        _held.Add(lease.Id, lease);
        CheckInvariants();
        return lease;
    }

    /// <summary>Gives a channel back; releasing one twice is an invariant violation.</summary>
    public void Release(ChannelLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        if (!lease.IsHeld || !_held.Remove(lease.Id))
            throw new CpsInvariantException($"channel {lease.Id} ({lease.Purpose}) released twice");
        lease.IsHeld = false;
        if (lease.Kind == ChannelKind.Processing) ProcessingInUse--;
        else OperationalInUse--;
        CheckInvariants();
    }

    private void CheckInvariants()
    {
        if (ProcessingInUse < 0 || ProcessingInUse > Split.Processing || OperationalInUse < 0 || OperationalInUse > Split.Operational
            || ProcessingInUse + OperationalInUse != _held.Count)
            throw new CpsInvariantException($"channel accounting broken: processing {ProcessingInUse}/{Split.Processing}, operational {OperationalInUse}/{Split.Operational}, leases {_held.Count}");
    }
}
