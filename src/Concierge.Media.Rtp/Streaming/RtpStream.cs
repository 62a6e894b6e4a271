using System.Net;
using System.Net.Sockets;
using Concierge.Media.Rtp.Audio;

namespace Concierge.Media.Rtp.Streaming;

/// <summary>
/// One RTP source of the CPS: its UDP socket on a port of the range, where it sends (once offer/answer agreed), what
/// it sends (a clip and the position in it, or the audio arriving from a relayed party) and its RTP numbering.
/// Changed on the loop thread and read by the pacer, always under the plane's lock.
/// </summary>
internal sealed class RtpStream(IPEndPoint source, Socket? socket, uint ssrc, ushort firstSequence, uint firstTimestamp)
{
    public IPEndPoint Source { get; } = source;
    public Socket? Socket { get; } = socket;
    public uint Ssrc { get; } = ssrc;
    public MediaPeer? Peer { get; set; }
    public MediaContent Content { get; set; } = MediaContent.Silence;
    public AudioClip? Clip { get; set; }
    public long Position { get; set; }
    public IPEndPoint? RelayFrom { get; set; }
    public ushort Sequence { get; set; } = firstSequence;
    public uint Timestamp { get; set; } = firstTimestamp;

    /// <summary>The next packet starts a talk spurt (new content): the marker bit is set.</summary>
    public bool MarkNext { get; set; } = true;

    /// <summary>The RTP timestamp of the last telephone event reported (its repeats and end packets are not new digits).</summary>
    public uint? LastEventTimestamp { get; set; }

    public bool Stopped { get; set; }

    /// <summary>True when the pacer sends a frame for this stream at each tick.</summary>
    public bool IsPaced => Peer is { Sends: true } && RelayFrom is null && Socket is not null && !Stopped;
}
