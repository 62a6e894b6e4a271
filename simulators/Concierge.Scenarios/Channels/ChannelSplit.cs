namespace Concierge.Scenarios.Channels;

/// <summary>How the available channels divide into processing and operational channels.</summary>
public sealed record ChannelSplit(int Processing, int Operational)
{
    /// <summary>All channels.</summary>
    public int Total => Processing + Operational;

    /// <summary>The number of processing channels in use at which attendants are alerted (90 %, rounded up).</summary>
    public int AlertThreshold => (int)Math.Ceiling(Processing * 0.9);
}
