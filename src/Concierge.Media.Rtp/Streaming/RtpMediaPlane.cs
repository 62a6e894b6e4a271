using System.Net;
using System.Net.Sockets;
using Concierge.Media.Rtp.Audio;
using Concierge.Media.Rtp.Codec;
using Concierge.Media.Rtp.Packets;
using Concierge.Runtime.Randomness;
using Microsoft.Extensions.Logging;

namespace Concierge.Media.Rtp.Streaming;

/// <summary>
/// The media plane of the server: every RTP source of the CPS is a UDP socket on its port of the range, sending
/// G.711 (the codec offer/answer agreed) in 20 ms packets paced on the real clock by one thread, and receiving what
/// its party sends: RFC 4733 DTMF digits are reported, voice is relayed to the legs bridged with it. The engine's
/// calls (<see cref="IMediaPlane"/>) come from the loop thread; the pacer and the socket receives run beside it,
/// and all three meet under one lock.
/// </summary>
public sealed class RtpMediaPlane : IMediaPlane, IDisposable
{
    private const int SamplesPerFrame = 160;
    private const int MaxPacketBytes = 1500;

    private readonly object _gate = new();
    private readonly Dictionary<IPEndPoint, RtpStream> _streams = new();
    private readonly Dictionary<IPEndPoint, List<RtpStream>> _relaysFrom = new();
    private readonly List<RtpStream> _paced = new();
    private readonly MediaLibrary _library;
    private readonly TimeProvider _time;
    private readonly DeterministicRandom _random;
    private readonly RtpMediaOptions _options;
    private readonly ILogger _logger;
    private readonly Thread _pacer;
    private readonly ManualResetEventSlim _stopping = new();
    private readonly long _period;
    private readonly int _samplesPerPacket;
    private bool _pacedChanged = true;
    private volatile int _pacedCount;
    private long _sent, _received, _relayed, _malformed, _sendFailures, _bindFailures, _digits;
    private long _ticks, _lateTicks, _skippedTicks, _tickErrorTotal, _tickErrorMax;

    /// <summary>Starts the pacer; sockets open as the CPS's legs get RTP sources.</summary>
    public RtpMediaPlane(MediaLibrary library, TimeProvider time, DeterministicRandom random, ILogger logger, RtpMediaOptions? options = null)
    {
        _library = library;
        _time = time;
        _random = random;
        _logger = logger;
        _options = options ?? new RtpMediaOptions();
        _period = (long)(_options.PacketTime.TotalSeconds * _time.TimestampFrequency);
        _samplesPerPacket = (int)(_options.PacketTime.TotalSeconds * AudioClip.SampleRate);
        if (_samplesPerPacket is < 80 or > 480) throw new ArgumentOutOfRangeException(nameof(options), _options.PacketTime, "packet time must be 10-60 ms");
        _pacer = new Thread(Pace) { Name = "concierge-rtp-pacer", IsBackground = true, Priority = ThreadPriority.AboveNormal };
        _pacer.Start();
    }

    /// <summary>A DTMF digit arrived (raised on a socket thread; handlers must be quick and thread-safe).</summary>
    public event Action<DtmfDigit>? DtmfReceived;

    /// <summary>The media folder and files.</summary>
    public MediaLibrary Library => _library;

    /// <summary>What the plane has done so far.</summary>
    public RtpMediaCounters Counters
    {
        get
        {
            int streams;
            lock (_gate) streams = _streams.Count;
            var ticks = Interlocked.Read(ref _ticks);
            var frequency = (double)_time.TimestampFrequency;
            return new RtpMediaCounters(streams, _pacedCount, Interlocked.Read(ref _sent), Interlocked.Read(ref _received), Interlocked.Read(ref _relayed),
                Interlocked.Read(ref _malformed), Interlocked.Read(ref _sendFailures), Interlocked.Read(ref _bindFailures), Interlocked.Read(ref _digits),
                _library.Problems, ticks, Interlocked.Read(ref _lateTicks), Interlocked.Read(ref _skippedTicks),
                ticks == 0 ? 0 : Interlocked.Read(ref _tickErrorTotal) * 1000.0 / frequency / ticks, Interlocked.Read(ref _tickErrorMax) * 1000.0 / frequency);
        }
    }

    /// <inheritdoc />
    public void Transmit(IPEndPoint source, MediaContent content)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(content);
        var clip = _library.ClipFor(content); // a first use reads the file: not under the lock the pacer needs
        lock (_gate)
        {
            if (StreamOf(source) is not { } stream) return;
            UnRelay(stream);
            stream.Content = content;
            stream.Clip = clip;
            stream.Position = 0;
            stream.MarkNext = true;
            _pacedChanged = true;
        }
    }

    /// <inheritdoc />
    public void Relay(IPEndPoint source, IPEndPoint from)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(from);
        lock (_gate)
        {
            if (StreamOf(source) is not { } stream) return;
            UnRelay(stream);
            stream.RelayFrom = from;
            stream.Content = MediaContent.Silence;
            stream.Clip = null;
            stream.MarkNext = true;
            if (!_relaysFrom.TryGetValue(from, out var list)) _relaysFrom[from] = list = new List<RtpStream>(1);
            list.Add(stream);
            _pacedChanged = true;
        }
    }

    /// <inheritdoc />
    public void Connect(IPEndPoint source, MediaPeer peer)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(peer);
        lock (_gate)
        {
            if (StreamOf(source) is not { } stream) return;
            stream.Peer = peer;
            _pacedChanged = true;
        }
    }

    /// <inheritdoc />
    public void Stop(IPEndPoint source)
    {
        RtpStream? stream;
        lock (_gate)
        {
            if (!_streams.Remove(source, out stream)) return;
            UnRelay(stream);
            stream.Stopped = true;
            _pacedChanged = true;
        }
        stream.Socket?.Dispose();
    }

    /// <inheritdoc />
    public MediaContent HeardFrom(IPEndPoint source)
    {
        lock (_gate) return _streams.TryGetValue(source, out var stream) && stream.RelayFrom is null ? stream.Content : MediaContent.Silence;
    }

    /// <summary>Stops the pacer and closes every socket.</summary>
    public void Dispose()
    {
        if (_stopping.IsSet) return;
        _stopping.Set();
        if (Thread.CurrentThread != _pacer) _pacer.Join();
        List<RtpStream> streams;
        lock (_gate)
        {
            streams = _streams.Values.ToList();
            foreach (var stream in streams) stream.Stopped = true;
            _streams.Clear();
            _relaysFrom.Clear();
            _paced.Clear();
        }
        foreach (var stream in streams) stream.Socket?.Dispose();
        _stopping.Dispose();
    }

    /// <summary>The stream of <paramref name="source"/>, opened (its socket bound) on first use; null past the bound.</summary>
    private RtpStream? StreamOf(IPEndPoint source)
    {
        if (_streams.TryGetValue(source, out var stream)) return stream;
        if (_streams.Count >= _options.MaxStreams)
        {
            _logger.LogError("RTP {Source}: {Count} streams are open already; this one sends nothing", source, _streams.Count);
            return null;
        }
        var socket = Bind(source);
        stream = new RtpStream(source, socket, (uint)_random.NextUInt64(), (ushort)_random.Next(ushort.MaxValue + 1), (uint)_random.NextUInt64());
        _streams[source] = stream;
        if (socket is not null) _ = ReceiveAsync(stream);
        return stream;
    }

    private Socket? Bind(IPEndPoint source)
    {
        var socket = new Socket(source.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(source);
            return socket;
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            Interlocked.Increment(ref _bindFailures);
            _logger.LogError("RTP {Source}: cannot bind the port ({Error}); this stream sends nothing", source, ex.SocketErrorCode);
            return null;
        }
    }

    private void UnRelay(RtpStream stream)
    {
        if (stream.RelayFrom is not { } from) return;
        if (_relaysFrom.TryGetValue(from, out var list))
        {
            list.Remove(stream);
            if (list.Count == 0) _relaysFrom.Remove(from);
        }
        stream.RelayFrom = null;
    }

    private void Pace()
    {
        var frame = new byte[_samplesPerPacket];
        var packet = new byte[RtpHeader.FixedSize + _samplesPerPacket];
        var next = _time.GetTimestamp() + _period;
        var skipAfter = (long)(_options.SkipAfter.TotalSeconds * _time.TimestampFrequency);
        var lateAfter = (long)(_options.LateAfter.TotalSeconds * _time.TimestampFrequency);
        while (WaitUntil(next))
        {
            var late = _time.GetTimestamp() - next;
            var frames = 1L;
            if (late > skipAfter)
            {
                // The process stood still (a pause, a stalled machine): skip the lost frames rather than send a burst.
                frames += late / _period;
                next += (frames - 1) * _period;
                Interlocked.Add(ref _skippedTicks, frames - 1);
            }
            if (_pacedCount > 0 || _pacedChanged)
            {
                Interlocked.Increment(ref _ticks);
                Interlocked.Add(ref _tickErrorTotal, late);
                if (late > Interlocked.Read(ref _tickErrorMax)) Interlocked.Exchange(ref _tickErrorMax, late);
                if (late > lateAfter) Interlocked.Increment(ref _lateTicks);
            }
            SendFrames(frames, frame, packet);
            next += _period;
        }
    }

    /// <summary>Waits for <paramref name="deadline"/> (sleeping, then spinning its last moment while streams run); false when stopping.</summary>
    private bool WaitUntil(long deadline)
    {
        var spin = _options.SpinBeforeTick.TotalMilliseconds;
        while (true)
        {
            var remainingMs = (deadline - _time.GetTimestamp()) * 1000.0 / _time.TimestampFrequency;
            if (remainingMs <= 0) return !_stopping.IsSet;
            // Waits come in whole milliseconds: rounding (not truncating) the sleep leaves about SpinBeforeTick ± 0.5 ms
            // to spin, so a tick is on time without spinning a millisecond and more of every 20.
            var sleepMs = Math.Round(_pacedCount > 0 ? remainingMs - spin : remainingMs);
            if (sleepMs >= 1)
            {
                if (_stopping.Wait((int)sleepMs)) return false;
            }
            else if (_pacedCount > 0)
            {
                Thread.SpinWait(64);
            }
            else if (_stopping.Wait(1))
            {
                return false;
            }
        }
    }

    private void SendFrames(long frames, byte[] frame, byte[] packet)
    {
        lock (_gate)
        {
            if (_pacedChanged)
            {
                _paced.Clear();
                foreach (var stream in _streams.Values)
                    if (stream.IsPaced) _paced.Add(stream);
                _pacedCount = _paced.Count;
                _pacedChanged = false;
            }
            foreach (var stream in _paced)
            {
                var peer = stream.Peer!;
                if (frames > 1)
                {
                    var skipped = (frames - 1) * _samplesPerPacket;
                    stream.Position += skipped;
                    stream.Timestamp += (uint)skipped;
                }
                if (stream.Clip is { } clip) stream.Position = clip.Read(peer.Codec, stream.Position, frame);
                else frame.AsSpan().Fill(G711.SilenceOf(peer.Codec));
                var length = RtpPacketWriter.Write(new RtpHeader(peer.PayloadType, stream.Sequence, stream.Timestamp, stream.Ssrc, stream.MarkNext), frame, packet);
                stream.MarkNext = false;
                stream.Sequence++;
                stream.Timestamp += (uint)_samplesPerPacket;
                Send(stream, packet.AsSpan(0, length), peer.Remote);
            }
        }
    }

    private void Send(RtpStream stream, ReadOnlySpan<byte> packet, IPEndPoint remote)
    {
        try
        {
            stream.Socket!.SendTo(packet, SocketFlags.None, remote);
            Interlocked.Increment(ref _sent);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            Interlocked.Increment(ref _sendFailures);
        }
    }

    private async Task ReceiveAsync(RtpStream stream)
    {
        var buffer = new byte[MaxPacketBytes];
        EndPoint any = new IPEndPoint(stream.Source.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        var socket = stream.Socket!;
        while (!stream.Stopped)
        {
            SocketReceiveFromResult result;
            try
            {
                result = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any).ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException) when (stream.Stopped)
            {
                return;
            }
            catch (SocketException)
            {
                continue; // e.g. an ICMP error of an earlier send
            }
            try
            {
                OnPacket(stream, buffer.AsSpan(0, result.ReceivedBytes), (IPEndPoint)result.RemoteEndPoint);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Interlocked.Increment(ref _malformed);
                _logger.LogWarning(ex, "RTP {Source}: a packet from {From} could not be handled", stream.Source, result.RemoteEndPoint);
            }
        }
    }

    private void OnPacket(RtpStream stream, ReadOnlySpan<byte> packet, IPEndPoint from)
    {
        Interlocked.Increment(ref _received);
        if (!RtpPacketReader.TryRead(packet, out var header, out var range, out _))
        {
            Interlocked.Increment(ref _malformed);
            return;
        }
        var payload = packet[range];
        DtmfDigit? digit = null;
        lock (_gate)
        {
            var eventType = stream.Peer?.TelephoneEventPayloadType ?? 101;
            if (header.PayloadType == eventType)
            {
                if (TelephoneEvent.TryRead(payload, out var telephoneEvent) && stream.LastEventTimestamp != header.Timestamp)
                {
                    stream.LastEventTimestamp = header.Timestamp;
                    if (telephoneEvent.Digit is { } d) digit = new DtmfDigit(stream.Source, from, d, telephoneEvent.Volume);
                }
            }
            else if (header.PayloadType is 0 or 8 && _relaysFrom.TryGetValue(from, out var targets))
            {
                RelayVoice(header.PayloadType == 0 ? MediaCodec.Pcmu : MediaCodec.Pcma, payload, targets);
            }
        }
        if (digit is null) return;
        Interlocked.Increment(ref _digits);
        DtmfReceived?.Invoke(digit);
    }

    private void RelayVoice(MediaCodec codec, ReadOnlySpan<byte> payload, List<RtpStream> targets)
    {
        if (payload.Length > MaxPacketBytes - RtpHeader.FixedSize) return;
        Span<byte> recoded = stackalloc byte[payload.Length];
        Span<byte> packet = stackalloc byte[RtpHeader.FixedSize + payload.Length];
        foreach (var target in targets)
        {
            if (target.Peer is not { Sends: true } peer || target.Socket is null) continue;
            for (var i = 0; i < payload.Length; i++) recoded[i] = G711.Transcode(codec, peer.Codec, payload[i]);
            var length = RtpPacketWriter.Write(new RtpHeader(peer.PayloadType, target.Sequence, target.Timestamp, target.Ssrc, target.MarkNext), recoded, packet);
            target.MarkNext = false;
            target.Sequence++;
            target.Timestamp += (uint)payload.Length;
            Send(target, packet[..length], peer.Remote);
            Interlocked.Increment(ref _relayed);
        }
    }
}
