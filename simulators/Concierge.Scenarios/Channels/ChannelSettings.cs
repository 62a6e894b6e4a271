namespace Concierge.Scenarios.Channels;

/// <summary>The CPS trunk's available channels and channel ratio (C 6.3.1.3).</summary>
public sealed record ChannelSettings(int Channels, int Ratio);
