using System.Buffers;

namespace Concierge.Csta.Framing;

/// <summary>
/// The CSTA XML TCP framing of OpenScape Voice and OpenScape 4000: an 8-byte header of two zero bytes, the total frame
/// length (header included) as a 16-bit big-endian number and the invoke id as four ASCII digits, then the XML.
/// </summary>
public sealed class InvokeIdHeaderFraming : ICstaFraming
{
    /// <summary>Header size in bytes.</summary>
    public const int HeaderBytes = 8;

    /// <summary>Largest total frame the 16-bit length can describe.</summary>
    public const int MaxFrameBytes = ushort.MaxValue;

    /// <summary>The framing with the largest frame the header allows.</summary>
    public static readonly InvokeIdHeaderFraming Instance = new();

    private readonly int _maxFrameBytes;

    /// <summary>Creates the framing; frames announcing more than <paramref name="maxFrameBytes"/> close the link.</summary>
    public InvokeIdHeaderFraming(int maxFrameBytes = MaxFrameBytes)
    {
        if (maxFrameBytes is < HeaderBytes + 1 or > MaxFrameBytes) throw new ArgumentOutOfRangeException(nameof(maxFrameBytes), maxFrameBytes, $"must be {HeaderBytes + 1}-{MaxFrameBytes}");
        _maxFrameBytes = maxFrameBytes;
    }

    /// <inheritdoc />
    public int MaxPayloadBytes => _maxFrameBytes - HeaderBytes;

    /// <inheritdoc />
    public string? TryWriteFrame(int invokeId, ReadOnlySpan<byte> payload, IBufferWriter<byte> output)
    {
        if (invokeId is < 0 or > 9999) return $"invoke id {invokeId} does not fit four digits";
        if (payload.Length > MaxPayloadBytes) return $"payload of {payload.Length} bytes exceeds {MaxPayloadBytes}";
        var total = payload.Length + HeaderBytes;
        var span = output.GetSpan(total);
        span[0] = 0;
        span[1] = 0;
        span[2] = (byte)(total >> 8);
        span[3] = (byte)total;
        span[4] = (byte)('0' + invokeId / 1000);
        span[5] = (byte)('0' + invokeId / 100 % 10);
        span[6] = (byte)('0' + invokeId / 10 % 10);
        span[7] = (byte)('0' + invokeId % 10);
        payload.CopyTo(span[HeaderBytes..]);
        output.Advance(total);
        return null;
    }

    /// <inheritdoc />
    public ICstaFrameDecoder CreateDecoder() => new Decoder(_maxFrameBytes);

    private sealed class Decoder(int maxFrameBytes) : ICstaFrameDecoder
    {
        private byte[] _buffer = new byte[4096];
        private int _start;
        private int _end;

        public string? FailureReason { get; private set; }

        public int BufferedBytes => _end - _start;

        public string? Feed(ReadOnlySpan<byte> data, FrameReceived onFrame)
        {
            if (FailureReason is not null) return FailureReason;
            while (!data.IsEmpty)
            {
                var room = Reserve(data.Length);
                var take = Math.Min(room, data.Length);
                data[..take].CopyTo(_buffer.AsSpan(_end));
                _end += take;
                data = data[take..];
                if (Drain(onFrame) is { } failure) return failure;
            }
            return null;
        }

        private string? Drain(FrameReceived onFrame)
        {
            while (_end - _start >= HeaderBytes)
            {
                var header = _buffer.AsSpan(_start, HeaderBytes);
                if (header[0] != 0 || header[1] != 0) return Fail($"frame header starts with 0x{header[0]:X2} 0x{header[1]:X2}, not 0x00 0x00");
                var total = (header[2] << 8) | header[3];
                if (total < HeaderBytes) return Fail($"frame length {total} is shorter than the {HeaderBytes}-byte header");
                if (total > maxFrameBytes) return Fail($"frame length {total} exceeds the limit of {maxFrameBytes} bytes");
                var invokeId = 0;
                for (var i = 4; i < 8; i++)
                {
                    var digit = header[i] - '0';
                    if ((uint)digit > 9) return Fail($"invoke id byte 0x{header[i]:X2} is not an ASCII digit");
                    invokeId = invokeId * 10 + digit;
                }
                if (_end - _start < total) return null;
                var payload = _buffer.AsSpan(_start + HeaderBytes, total - HeaderBytes);
                _start += total;
                onFrame(invokeId, payload);
                if (FailureReason is not null) return FailureReason;
            }
            return null;
        }

        /// <summary>Makes room at the end of the buffer (compacting or growing up to one maximal frame); returns the room.</summary>
        private int Reserve(int wanted)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = 0;
            }
            if (_buffer.Length - _end >= wanted) return _buffer.Length - _end;
            if (_start > 0)
            {
                _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                _end -= _start;
                _start = 0;
            }
            if (_buffer.Length - _end < wanted && _buffer.Length < MaxFrameBytes)
            {
                var size = Math.Min(MaxFrameBytes, Math.Max(_buffer.Length * 2, _end + wanted));
                Array.Resize(ref _buffer, size);
            }
            return _buffer.Length - _end;
        }

        private string Fail(string reason)
        {
            FailureReason = reason;
            _start = 0;
            _end = 0;
            return reason;
        }
    }
}
