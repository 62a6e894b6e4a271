namespace Concierge.Media.Rtp.Streaming;

/// <summary>How the RTP plane paces and bounds its work.</summary>
public sealed record RtpMediaOptions
{
    /// <summary>Packet time: each packet carries this much audio (G.711: 160 samples).</summary>
    public TimeSpan PacketTime { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>A tick later than this is a late tick (counted).</summary>
    public TimeSpan LateAfter { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>When the pacer is this far behind (the process stalled), it skips ahead instead of sending a burst.</summary>
    public TimeSpan SkipAfter { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Most streams at once (the CPS's RTP port range is the real bound; this is a guard).</summary>
    public int MaxStreams { get; init; } = 4096;

    /// <summary>The part of each wait spent spinning instead of sleeping, for a tick on time (costs CPU while streams run).</summary>
    public TimeSpan SpinBeforeTick { get; init; } = TimeSpan.FromMilliseconds(0.5);
}
