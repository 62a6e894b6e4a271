using Concierge.Sip.Message;

namespace Concierge.Sip.Parsing;

/// <summary>
/// Cuts a TCP/TLS byte stream into messages by Content-Length (RFC 3261 §18.3): handles partial reads, several
/// messages in one read and CRLF keep-alives (RFC 5626). Any framing or parse error, or a message over the size
/// bound, faults the framer: the caller must close the connection.
/// </summary>
public sealed class SipStreamFramer
{
    private readonly SipParserLimits _limits;
    private byte[] _buffer;
    private int _length;
    private int _lineBreakRun;
    private int _headerScanFrom;

    /// <summary>Creates a framer with the given limits.</summary>
    public SipStreamFramer(SipParserLimits? limits = null)
    {
        _limits = limits ?? SipParserLimits.Default;
        _buffer = new byte[Math.Min(4096, _limits.MaxMessageBytes + 4)];
    }

    /// <summary>The error that faulted the framer; None while healthy.</summary>
    public SipParseError Error { get; private set; }

    /// <summary>True after an error; further input is refused.</summary>
    public bool IsFaulted => !Error.IsNone;

    /// <summary>Bytes held for an incomplete message.</summary>
    public int BufferedBytes => _length;

    /// <summary>Number of CRLFCRLF keep-alive pings seen (a server answers each with CRLF).</summary>
    public long KeepAlivePings { get; private set; }

    /// <summary>
    /// Adds received bytes and appends every complete message to <paramref name="messages"/>.
    /// Returns false (with <see cref="Error"/> set) when the stream is broken and must be closed.
    /// </summary>
    public bool TryPush(ReadOnlySpan<byte> data, ICollection<SipMessage> messages)
    {
        if (IsFaulted)
        {
            return false;
        }
        while (!data.IsEmpty)
        {
            var room = _limits.MaxMessageBytes + 4 - _length;
            if (room <= 0)
            {
                return Fault(SipParseErrorKind.MessageTooLarge, _length, $"no complete message within {_limits.MaxMessageBytes} bytes");
            }
            var take = Math.Min(room, data.Length);
            Append(data[..take]);
            data = data[take..];
            if (!Drain(messages))
            {
                return false;
            }
        }
        return true;
    }

    private void Append(ReadOnlySpan<byte> data)
    {
        if (_length + data.Length > _buffer.Length)
        {
            var size = Math.Max(_buffer.Length * 2, _length + data.Length);
            Array.Resize(ref _buffer, Math.Min(size, _limits.MaxMessageBytes + 4));
        }
        data.CopyTo(_buffer.AsSpan(_length));
        _length += data.Length;
    }

    private bool Drain(ICollection<SipMessage> messages)
    {
        var consumed = 0;
        while (consumed < _length)
        {
            var pending = _buffer.AsSpan(consumed, _length - consumed);
            var crlfs = 0;
            while (crlfs < pending.Length && (pending[crlfs] == '\r' || pending[crlfs] == '\n'))
            {
                crlfs++;
            }
            if (crlfs > 0)
            {
                // CRLFCRLF between messages is a keep-alive ping, possibly split over reads
                _lineBreakRun += crlfs;
                KeepAlivePings += _lineBreakRun / 4;
                _lineBreakRun %= 4;
                consumed += crlfs;
                continue;
            }
            if (_headerScanFrom == 0)
            {
                _lineBreakRun = 0;
            }
            var headerEnd = FindHeaderEnd(pending, Math.Max(0, _headerScanFrom - 3), out var bodyStart);
            if (headerEnd < 0)
            {
                _headerScanFrom = pending.Length;
                if (pending.Length > _limits.MaxMessageBytes)
                {
                    return Fault(SipParseErrorKind.MessageTooLarge, consumed, "header section exceeds the message size bound");
                }
                break;
            }
            if (!TryFindContentLength(pending[..headerEnd], out var contentLength, out var lengthError))
            {
                return Fault(lengthError.Kind, consumed + lengthError.Offset, lengthError.Detail);
            }
            var total = (long)bodyStart + contentLength;
            if (total > _limits.MaxMessageBytes)
            {
                return Fault(SipParseErrorKind.MessageTooLarge, consumed, $"message of {total} bytes exceeds {_limits.MaxMessageBytes}");
            }
            if (pending.Length < total)
            {
                _headerScanFrom = headerEnd;
                break;
            }
            if (!SipParser.TryParseFramed(pending[..(int)total], _limits, out var message, out var error))
            {
                return Fault(error.Kind, consumed + error.Offset, error.Detail);
            }
            messages.Add(message!);
            consumed += (int)total;
            _headerScanFrom = 0;
        }
        if (consumed > 0)
        {
            _buffer.AsSpan(consumed, _length - consumed).CopyTo(_buffer);
            _length -= consumed;
        }
        return true;
    }

    /// <summary>Index of the empty line ending the headers; bodyStart is the first body byte.</summary>
    private static int FindHeaderEnd(ReadOnlySpan<byte> s, int from, out int bodyStart)
    {
        while (true)
        {
            var lf = s[from..].IndexOf((byte)'\n');
            if (lf < 0)
            {
                bodyStart = -1;
                return -1;
            }
            var index = from + lf + 1;
            if (index < s.Length && s[index] == '\n')
            {
                bodyStart = index + 1;
                return index;
            }
            if (index + 1 < s.Length && s[index] == '\r' && s[index + 1] == '\n')
            {
                bodyStart = index + 2;
                return index;
            }
            if (index >= s.Length || (index + 1 >= s.Length && s[index] == '\r'))
            {
                bodyStart = -1;
                return -1;
            }
            from = index;
        }
    }

    private bool TryFindContentLength(ReadOnlySpan<byte> headers, out long length, out SipParseError error)
    {
        length = 0;
        long found = -1;
        var pos = 0;
        error = SipParseError.None;
        while (pos < headers.Length)
        {
            var lf = headers[pos..].IndexOf((byte)'\n');
            var line = lf < 0 ? headers[pos..] : headers.Slice(pos, lf);
            var colon = line.IndexOf((byte)':');
            if (colon > 0)
            {
                var name = SipCharClass.TrimWhitespace(line[..colon]);
                if (Headers.HeaderNameTable.Lookup(name) == Headers.HeaderId.ContentLength)
                {
                    var value = line[(colon + 1)..];
                    if (!value.IsEmpty && value[^1] == '\r')
                    {
                        value = value[..^1];
                    }
                    if (!ScalarGrammar.TryParseUnsigned(value, (ulong)_limits.MaxMessageBytes, out var parsed))
                    {
                        error = new SipParseError(SipParseErrorKind.BadContentLength, pos, "Content-Length is not a number within bounds");
                        return false;
                    }
                    if (found >= 0 && found != (long)parsed)
                    {
                        error = new SipParseError(SipParseErrorKind.ConflictingContentLength, pos, "Content-Length headers disagree");
                        return false;
                    }
                    found = (long)parsed;
                }
            }
            pos = lf < 0 ? headers.Length : pos + lf + 1;
        }
        length = found < 0 ? 0 : found;
        return true;
    }

    private bool Fault(SipParseErrorKind kind, int offset, string detail)
    {
        Error = new SipParseError(kind, offset, detail);
        _length = 0;
        _headerScanFrom = 0;
        return false;
    }
}
