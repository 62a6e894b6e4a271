namespace Concierge.Media.Rtp.Streaming;

/// <summary>What the RTP plane has done so far (read from any thread).</summary>
public sealed record RtpMediaCounters(
    int Streams,
    int PacedStreams,
    long PacketsSent,
    long PacketsReceived,
    long PacketsRelayed,
    long PacketsMalformed,
    long SendFailures,
    long BindFailures,
    long DtmfDigits,
    long MediaProblems,
    long Ticks,
    long LateTicks,
    long SkippedTicks,
    double MeanTickErrorMs,
    double MaxTickErrorMs);
