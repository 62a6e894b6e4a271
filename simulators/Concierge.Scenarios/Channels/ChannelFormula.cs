using Concierge.Cps.Channels;

namespace Concierge.Scenarios.Channels;

/// <summary>
/// The channel ratio arithmetic of C 6.3.1.3 as the scenario language shows it: the CPS engine's own split
/// (<see cref="ChannelSplit"/>: processing rounded down, the rest operational, 2 always reserved), with
/// the scenario's stricter rule that a CPS needs more than the 2 reserved channels.
/// </summary>
public static class ChannelFormula
{
    /// <summary>Channels always reserved for operational handling.</summary>
    public const int ReservedOperational = ChannelSplit.ReservedOperational;

    /// <summary>Splits <paramref name="settings"/>; throws <see cref="ArgumentOutOfRangeException"/> for a channel count below 3 or a ratio below 1.</summary>
    public static ChannelSplit Split(ChannelSettings settings)
    {
        if (settings.Channels <= ReservedOperational)
            throw new ArgumentOutOfRangeException(nameof(settings), settings.Channels, $"a CPS needs more than {ReservedOperational} channels");
        if (settings.Ratio < 1)
            throw new ArgumentOutOfRangeException(nameof(settings), settings.Ratio, "the channel ratio is at least 1");
        return ChannelSplit.For(settings.Channels, settings.Ratio);
    }
}
