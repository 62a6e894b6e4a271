namespace Concierge.Scenarios.Channels;

/// <summary>
/// The channel ratio arithmetic of C 6.3.1.3: 2 operational channels are always reserved;
/// processing = (N − 2) / (1 + R) × R and operational = (N − 2) / (1 + R) + 2. When (N − 2) is not a multiple of
/// (1 + R), processing is rounded down and the remainder goes to operational, so the split always adds up to N.
/// </summary>
public static class ChannelFormula
{
    /// <summary>Channels always reserved for operational handling.</summary>
    public const int ReservedOperational = 2;

    /// <summary>Splits <paramref name="settings"/>; throws <see cref="ArgumentOutOfRangeException"/> for a channel count below 3 or a ratio below 1.</summary>
    public static ChannelSplit Split(ChannelSettings settings)
    {
        if (settings.Channels <= ReservedOperational)
            throw new ArgumentOutOfRangeException(nameof(settings), settings.Channels, $"a CPS needs more than {ReservedOperational} channels");
        if (settings.Ratio < 1)
            throw new ArgumentOutOfRangeException(nameof(settings), settings.Ratio, "the channel ratio is at least 1");
        var shared = (long)settings.Channels - ReservedOperational;
        var processing = (int)(shared * settings.Ratio / (1 + settings.Ratio));
        return new ChannelSplit(processing, settings.Channels - processing);
    }
}
