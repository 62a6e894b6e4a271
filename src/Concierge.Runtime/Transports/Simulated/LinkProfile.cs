namespace Concierge.Runtime.Transports.Simulated;

/// <summary>How one direction of a simulated link treats what crosses it.</summary>
/// <param name="Latency">Fixed one-way delay.</param>
/// <param name="Jitter">Extra random delay, uniform in [0, Jitter].</param>
/// <param name="LossPercent">Datagrams lost, in percent (streams see it as retransmission delay instead).</param>
/// <param name="DuplicatePercent">Datagrams delivered twice, in percent.</param>
/// <param name="ReorderPercent">Datagrams held back by one extra latency so that later ones overtake them, in percent.</param>
/// <param name="BandwidthBitsPerSecond">Serialisation rate; 0 means unlimited.</param>
/// <param name="QueueLimitBytes">Bytes that may wait for the wire before tail drop; 0 means unlimited.</param>
public sealed record LinkProfile(
    TimeSpan Latency,
    TimeSpan Jitter = default,
    double LossPercent = 0,
    double DuplicatePercent = 0,
    double ReorderPercent = 0,
    long BandwidthBitsPerSecond = 0,
    long QueueLimitBytes = 0)
{
    /// <summary>A quiet LAN: 1 ms one way, nothing lost.</summary>
    public static readonly LinkProfile Lan = new(TimeSpan.FromMilliseconds(1));

    /// <summary>A host talking to itself: no delay.</summary>
    public static readonly LinkProfile Loopback = new(TimeSpan.Zero);

    /// <summary>Checks the values and names the first bad one.</summary>
    public LinkProfile Validated()
    {
        if (Latency < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(Latency), Latency, "latency must be non-negative");
        if (Jitter < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(Jitter), Jitter, "jitter must be non-negative");
        CheckPercent(LossPercent, nameof(LossPercent));
        CheckPercent(DuplicatePercent, nameof(DuplicatePercent));
        CheckPercent(ReorderPercent, nameof(ReorderPercent));
        if (BandwidthBitsPerSecond < 0) throw new ArgumentOutOfRangeException(nameof(BandwidthBitsPerSecond), BandwidthBitsPerSecond, "must be non-negative");
        if (QueueLimitBytes < 0) throw new ArgumentOutOfRangeException(nameof(QueueLimitBytes), QueueLimitBytes, "must be non-negative");
        return this;
    }

    private static void CheckPercent(double value, string name)
    {
        if (double.IsNaN(value) || value < 0 || value > 100) throw new ArgumentOutOfRangeException(name, value, "must be a percentage from 0 to 100");
    }
}
