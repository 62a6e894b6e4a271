namespace Concierge.Cps.Channels;

/// <summary>
/// How N trunk channels split into processing and operational ones for channel ratio R (C 6.3.1.3):
/// processing = (N − 2) / (1 + R) × R, operational = (N − 2) / (1 + R) + 2. Where the division is not exact the
/// processing share is rounded down, so the total stays N and at least the 2 reserved channels stay operational.
/// </summary>
public readonly record struct ChannelSplit(int Processing, int Operational)
{
    /// <summary>Channels always reserved for operational use.</summary>
    public const int ReservedOperational = 2;

    /// <summary>All channels.</summary>
    public int Total => Processing + Operational;

    /// <summary>Splits <paramref name="channels"/> by <paramref name="ratio"/>; both must be sensible (N ≥ 2, R ≥ 1).</summary>
    public static ChannelSplit For(int channels, int ratio)
    {
        if (channels < ReservedOperational) throw new ArgumentOutOfRangeException(nameof(channels), channels, $"at least {ReservedOperational} channels are needed");
        if (ratio < 1) throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "the channel ratio is at least 1");
        var processing = (int)((long)(channels - ReservedOperational) * ratio / (1 + ratio));
        return new ChannelSplit(processing, channels - processing);
    }
}
