using System.Buffers;

namespace Concierge.Csta.Framing;

/// <summary>Called for each complete frame; the payload is only valid during the call.</summary>
public delegate void FrameReceived(int invokeId, ReadOnlySpan<byte> payload);

/// <summary>How CSTA XML documents are delimited on a byte stream; one implementation per link variant.</summary>
public interface ICstaFraming
{
    /// <summary>Largest payload one frame can carry, in bytes.</summary>
    int MaxPayloadBytes { get; }

    /// <summary>Writes one frame; returns null, or why the frame cannot be written (bad invoke id, too large).</summary>
    string? TryWriteFrame(int invokeId, ReadOnlySpan<byte> payload, IBufferWriter<byte> output);

    /// <summary>A decoder for one connection's incoming bytes.</summary>
    ICstaFrameDecoder CreateDecoder();
}

/// <summary>Cuts one connection's incoming bytes into frames, across partial reads and several frames per read.</summary>
public interface ICstaFrameDecoder
{
    /// <summary>Why the stream was refused, once it has been; every later Feed is ignored.</summary>
    string? FailureReason { get; }

    /// <summary>Bytes received but not yet part of a complete frame.</summary>
    int BufferedBytes { get; }

    /// <summary>
    /// Consumes <paramref name="data"/>, calling <paramref name="onFrame"/> for every completed frame. Returns null, or
    /// the reason the stream cannot be framed any more (the link should then be closed).
    /// </summary>
    string? Feed(ReadOnlySpan<byte> data, FrameReceived onFrame);
}
