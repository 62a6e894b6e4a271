using Concierge.Sip.Headers;
using Concierge.Sip.Message;

namespace Concierge.Sip.Parsing;

/// <summary>
/// Parses one SIP message from bytes (RFC 3261 §7, §25). Never throws: on failure it returns false with an error that
/// says what and where. When the start line and header section are well formed but the body framing is not
/// (e.g. Content-Length larger than the datagram), the message is still returned so a 400 can be answered.
/// </summary>
public static class SipParser
{
    private struct LineRange
    {
        public int NameStart, NameLength, ValueStart, ValueLength;
        public bool Folded;
    }

    /// <summary>Parses a datagram with the default limits.</summary>
    public static bool TryParse(ReadOnlySpan<byte> datagram, out SipMessage? message, out SipParseError error) =>
        TryParse(datagram, SipParserLimits.Default, out message, out error);

    /// <summary>
    /// Parses a datagram: the body is Content-Length bytes (octets after it are ignored), or the rest of the datagram
    /// when Content-Length is absent. Leading CRLFs are skipped.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> datagram, SipParserLimits limits, out SipMessage? message, out SipParseError error) =>
        TryParseCore(datagram, limits, stream: false, out message, out error);

    /// <summary>Parses one complete framed stream message (used by <see cref="SipStreamFramer"/>).</summary>
    internal static bool TryParseFramed(ReadOnlySpan<byte> frame, SipParserLimits limits, out SipMessage? message, out SipParseError error) =>
        TryParseCore(frame, limits, stream: true, out message, out error);

    /// <summary>
    /// Parses a datagram held in a buffer the caller hands over: the message keeps references into
    /// <paramref name="buffer"/> instead of copying it, so the caller must never modify or reuse that range.
    /// </summary>
    public static bool TryParseOwned(byte[] buffer, int offset, int count, SipParserLimits limits, out SipMessage? message, out SipParseError error)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)count, (uint)(buffer.Length - offset), nameof(count));
        return TryParseCore(buffer.AsSpan(offset, count), limits, stream: false, out message, out error, buffer, offset);
    }

    private static bool TryParseCore(ReadOnlySpan<byte> input, SipParserLimits limits, bool stream, out SipMessage? message, out SipParseError error,
        byte[]? owned = null, int ownedOffset = 0)
    {
        message = null;
        if (input.Length > limits.MaxMessageBytes)
        {
            return Fail(SipParseErrorKind.MessageTooLarge, limits.MaxMessageBytes, $"message of {input.Length} bytes exceeds {limits.MaxMessageBytes}", out error);
        }
        var start = 0;
        while (start < input.Length && (input[start] == '\r' || input[start] == '\n'))
        {
            start++;
        }
        if (start == input.Length)
        {
            return Fail(SipParseErrorKind.Empty, start, "no message", out error);
        }

        // start line
        var startLineEnd = FindLineEnd(input, start, out var next);
        if (startLineEnd < 0)
        {
            return Fail(SipParseErrorKind.HeadersNotTerminated, input.Length, "start line has no line end", out error);
        }
        if (startLineEnd - start > limits.MaxHeaderLineBytes)
        {
            return Fail(SipParseErrorKind.HeaderTooLong, start, "start line too long", out error);
        }

        // header lines
        var maxHeaders = Math.Min(limits.MaxHeaderCount, 1024);
        // most messages have fewer than 32 header lines; more spill to a heap array
        Span<LineRange> lines = stackalloc LineRange[Math.Min(maxHeaders, 32)];
        var count = 0;
        var pos = next;
        var bodyStart = -1;
        while (pos < input.Length)
        {
            var lineEnd = FindLineEnd(input, pos, out next);
            if (lineEnd == pos)
            {
                bodyStart = next;
                break;
            }
            if (lineEnd < 0)
            {
                if (stream)
                {
                    return Fail(SipParseErrorKind.HeadersNotTerminated, pos, "header section has no empty line", out error);
                }
                lineEnd = input.Length;
                next = input.Length;
            }
            if (SipCharClass.IsWhitespace(input[pos]))
            {
                return Fail(SipParseErrorKind.BadHeaderLine, pos, "continuation line without a header", out error);
            }
            var lineStart = pos;
            var folded = false;
            while (next < input.Length && SipCharClass.IsWhitespace(input[next]))
            {
                var continuationEnd = FindLineEnd(input, next, out var afterContinuation);
                if (continuationEnd < 0)
                {
                    if (stream)
                    {
                        return Fail(SipParseErrorKind.HeadersNotTerminated, next, "header section has no empty line", out error);
                    }
                    continuationEnd = input.Length;
                    afterContinuation = input.Length;
                }
                folded = true;
                lineEnd = continuationEnd;
                next = afterContinuation;
            }
            if (lineEnd - lineStart > limits.MaxHeaderLineBytes)
            {
                return Fail(SipParseErrorKind.HeaderTooLong, lineStart, $"header line longer than {limits.MaxHeaderLineBytes} bytes", out error);
            }
            if (count == maxHeaders)
            {
                return Fail(SipParseErrorKind.TooManyHeaders, lineStart, $"more than {maxHeaders} header lines", out error);
            }
            if (count == lines.Length)
            {
                var larger = new LineRange[maxHeaders];
                lines.CopyTo(larger);
                lines = larger;
            }
            if (!TrySplitHeader(input, lineStart, lineEnd, out lines[count]))
            {
                return Fail(SipParseErrorKind.BadHeaderLine, lineStart, "header line is not `name: value`", out error);
            }
            lines[count].Folded = folded;
            count++;
            pos = next;
        }
        if (bodyStart < 0)
        {
            if (stream)
            {
                return Fail(SipParseErrorKind.HeadersNotTerminated, input.Length, "header section has no empty line", out error);
            }
            bodyStart = input.Length;
        }

        // Content-Length
        long contentLength = -1;
        var lengthError = SipParseError.None;
        for (var i = 0; i < count; i++)
        {
            var name = input.Slice(lines[i].NameStart, lines[i].NameLength);
            if (name.Length > 14 || (name.Length != 1 && name.Length != 14) || HeaderNameTable.Lookup(name) != HeaderId.ContentLength)
            {
                continue;
            }
            var value = ValueSpan(input, lines[i]);
            if (!ScalarGrammar.TryParseUnsigned(FoldedAsSpace(value), (ulong)limits.MaxMessageBytes, out var parsed))
            {
                lengthError = new SipParseError(SipParseErrorKind.BadContentLength, lines[i].ValueStart, "Content-Length is not a number within bounds");
                break;
            }
            if (contentLength >= 0 && (long)parsed != contentLength)
            {
                lengthError = new SipParseError(SipParseErrorKind.ConflictingContentLength, lines[i].NameStart, "Content-Length headers disagree");
                break;
            }
            contentLength = (long)parsed;
        }
        var available = input.Length - bodyStart;
        int bodyLength;
        if (!lengthError.IsNone)
        {
            bodyLength = available;
        }
        else if (contentLength < 0)
        {
            bodyLength = stream ? 0 : available;
        }
        else if (contentLength > available)
        {
            lengthError = new SipParseError(SipParseErrorKind.BodyTruncated, input.Length, $"Content-Length {contentLength} but only {available} body bytes");
            bodyLength = available;
        }
        else
        {
            bodyLength = (int)contentLength;
        }

        // copy the message bytes once; everything refers to this buffer
        var end = bodyStart + bodyLength;
        // delta maps an index of input to the index of the same byte in raw
        var raw = owned ?? input[start..end].ToArray();
        var delta = owned is null ? -start : ownedOffset;
        if (!TryBuild(raw, delta, start, startLineEnd - start, lines[..count], bodyStart, bodyLength, out message, out error))
        {
            return false;
        }
        if (!lengthError.IsNone)
        {
            error = lengthError;
            return false;
        }
        error = SipParseError.None;
        return true;
    }

    private static bool TryBuild(byte[] raw, int delta, int startLineStart, int startLineLength, ReadOnlySpan<LineRange> lines, int bodyStart, int bodyLength,
        out SipMessage? message, out SipParseError error)
    {
        message = null;
        var entries = new HeaderEntry[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var nameBytes = raw.AsSpan(line.NameStart + delta, line.NameLength);
            var id = HeaderNameTable.Lookup(nameBytes);
            var name = id == HeaderId.Unknown ? SpanText.Utf8(nameBytes) : HeaderNameTable.Name(id);
            entries[i] = new HeaderEntry(id, name, line.ValueStart + delta, line.ValueLength);
            if (line.Folded)
            {
                entries[i] = new HeaderEntry(id, name, SpanText.Utf8(FoldedAsSpace(raw.AsSpan(line.ValueStart + delta, line.ValueLength))));
            }
        }
        var headers = new SipHeaders(raw, entries, entries.Length);
        var startLine = raw.AsSpan(startLineStart + delta, startLineLength);
        if (startLine.StartsWith("SIP/"u8))
        {
            if (!TryParseStatusLine(startLine, startLineStart, out var version, out var code, out var reason, out error))
            {
                return false;
            }
            message = new SipResponse(code, reason, headers, version);
        }
        else
        {
            if (!TryParseRequestLine(raw, startLineStart + delta, startLineLength, startLineStart, out var method, out var uri, out var uriStart, out var uriLength, out var version, out error))
            {
                // A request line with a method but a bad Request-URI or spacing (RFC 4475 ltgtruri, lwsruri, lwsstart)
                // still has headers to answer from: the partial request lets the transport send its 400.
                if (PartialRequestMethod(startLine) is { } partialMethod)
                {
                    message = new SipRequest(partialMethod, UnreadableRequestUri, headers, "SIP/2.0", raw, 0, 0);
                }
                return false;
            }
            message = new SipRequest(method, uri!, headers, version, raw, uriStart, uriLength);
        }
        message.Body = new ReadOnlyMemory<byte>(raw, bodyStart + delta, bodyLength);
        error = SipParseError.None;
        return true;
    }

    /// <summary>The Request-URI of a partial request whose request line could not be read (never sent anywhere).</summary>
    private static readonly SipUri UnreadableRequestUri = SipUri.Sip(null, "invalid");

    /// <summary>The method of a request line that starts with a method token and a space, else null.</summary>
    private static string? PartialRequestMethod(ReadOnlySpan<byte> line)
    {
        var sp = line.IndexOf((byte)' ');
        return sp > 0 && SipCharClass.AllToken(line[..sp]) ? SipMethod.Intern(line[..sp]) : null;
    }

    private static bool TryParseRequestLine(byte[] raw, int lineStart, int length, int shift, out string method, out SipUri? uri,
        out int uriStart, out int uriLength, out string version, out SipParseError error)
    {
        method = version = string.Empty;
        uri = null;
        uriStart = uriLength = 0;
        var line = raw.AsSpan(lineStart, length);
        var sp1 = line.IndexOf((byte)' ');
        if (sp1 <= 0 || !SipCharClass.AllToken(line[..sp1]))
        {
            return Fail(SipParseErrorKind.BadRequestLine, shift, "request line does not start with a method token and one space", out error);
        }
        var sp2 = line.LastIndexOf((byte)' ');
        if (sp2 == sp1)
        {
            return Fail(SipParseErrorKind.BadRequestLine, shift + sp1, "request line needs method, Request-URI and version", out error);
        }
        var versionBytes = line[(sp2 + 1)..];
        if (!IsVersion(versionBytes))
        {
            return Fail(SipParseErrorKind.BadRequestLine, shift + sp2 + 1, "SIP-Version expected at the end of the request line", out error);
        }
        var uriBytes = line[(sp1 + 1)..sp2];
        if (uriBytes.IsEmpty || uriBytes.IndexOfAny((byte)' ', (byte)'\t') >= 0)
        {
            return Fail(SipParseErrorKind.BadRequestLine, shift + sp1 + 1, "Request-URI is empty or contains whitespace", out error);
        }
        if (!SipUri.TryParse(uriBytes, out uri))
        {
            return Fail(SipParseErrorKind.BadRequestUri, shift + sp1 + 1, "Request-URI is not a valid URI", out error);
        }
        method = SipMethod.Intern(line[..sp1]);
        version = VersionText(versionBytes);
        uriStart = lineStart + sp1 + 1;
        uriLength = uriBytes.Length;
        error = SipParseError.None;
        return true;
    }

    private static bool TryParseStatusLine(ReadOnlySpan<byte> line, int shift, out string version, out int code, out string reason, out SipParseError error)
    {
        version = reason = string.Empty;
        code = 0;
        var sp = line.IndexOf((byte)' ');
        if (sp < 0 || !IsVersion(line[..sp]))
        {
            return Fail(SipParseErrorKind.BadStatusLine, shift, "status line does not start with SIP-Version and a space", out error);
        }
        var rest = line[(sp + 1)..];
        if (rest.Length < 3 || !SipCharClass.IsDigit(rest[0]) || !SipCharClass.IsDigit(rest[1]) || !SipCharClass.IsDigit(rest[2])
            || (rest.Length > 3 && rest[3] != ' '))
        {
            return Fail(SipParseErrorKind.BadStatusLine, shift + sp + 1, "status code must be three digits", out error);
        }
        code = (rest[0] - '0') * 100 + (rest[1] - '0') * 10 + (rest[2] - '0');
        if (code is < 100 or > 699)
        {
            return Fail(SipParseErrorKind.BadStatusLine, shift + sp + 1, $"status code {code} is outside 100-699", out error);
        }
        reason = rest.Length > 4 ? SpanText.Utf8(rest[4..]) : string.Empty;
        version = VersionText(line[..sp]);
        error = SipParseError.None;
        return true;
    }

    private static bool IsVersion(ReadOnlySpan<byte> s)
    {
        if (s.Length < 7 || (s[0] | 0x20) != 's' || (s[1] | 0x20) != 'i' || (s[2] | 0x20) != 'p' || s[3] != '/')
        {
            return false;
        }
        var dot = s.IndexOf((byte)'.');
        if (dot <= 4 || dot == s.Length - 1)
        {
            return false;
        }
        foreach (var b in s[4..dot])
        {
            if (!SipCharClass.IsDigit(b))
            {
                return false;
            }
        }
        foreach (var b in s[(dot + 1)..])
        {
            if (!SipCharClass.IsDigit(b))
            {
                return false;
            }
        }
        return true;
    }

    private static string VersionText(ReadOnlySpan<byte> s) => s.SequenceEqual("SIP/2.0"u8) ? SipMessage.Version20 : SpanText.Utf8(s);

    /// <summary>Index of the end of the line starting at pos (before CRLF or LF), or -1; next is the start of the following line.</summary>
    private static int FindLineEnd(ReadOnlySpan<byte> input, int pos, out int next)
    {
        var lf = input[pos..].IndexOf((byte)'\n');
        if (lf < 0)
        {
            next = input.Length;
            return -1;
        }
        var end = pos + lf;
        next = end + 1;
        return end > pos && input[end - 1] == '\r' ? end - 1 : end;
    }

    private static bool TrySplitHeader(ReadOnlySpan<byte> input, int start, int end, out LineRange range)
    {
        range = default;
        var line = input[start..end];
        var colon = line.IndexOf((byte)':');
        if (colon <= 0)
        {
            return false;
        }
        var name = SipCharClass.TrimWhitespace(line[..colon]);
        if (SipCharClass.IsWhitespace(line[0]) || !SipCharClass.AllToken(name))
        {
            return false;
        }
        var valueStart = colon + 1;
        while (valueStart < line.Length && IsLws(line[valueStart]))
        {
            valueStart++;
        }
        var valueEnd = line.Length;
        while (valueEnd > valueStart && IsLws(line[valueEnd - 1]))
        {
            valueEnd--;
        }
        range.NameStart = start;
        range.NameLength = name.Length;
        range.ValueStart = start + valueStart;
        range.ValueLength = valueEnd - valueStart;
        return true;
    }

    private static bool IsLws(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private static ReadOnlySpan<byte> ValueSpan(ReadOnlySpan<byte> input, in LineRange line) => input.Slice(line.ValueStart, line.ValueLength);

    /// <summary>Replaces each line break plus following whitespace by a single space.</summary>
    private static ReadOnlySpan<byte> FoldedAsSpace(ReadOnlySpan<byte> value)
    {
        if (value.IndexOfAny((byte)'\r', (byte)'\n') < 0)
        {
            return value;
        }
        var buffer = new byte[value.Length];
        var n = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var b = value[i];
            if (b is (byte)'\r' or (byte)'\n')
            {
                while (i + 1 < value.Length && IsLws(value[i + 1]))
                {
                    i++;
                }
                if (n > 0 && buffer[n - 1] != ' ')
                {
                    buffer[n++] = (byte)' ';
                }
                else if (n == 0)
                {
                    continue;
                }
                continue;
            }
            buffer[n++] = b;
        }
        return buffer.AsSpan(0, n);
    }

    private static bool Fail(SipParseErrorKind kind, int offset, string detail, out SipParseError error)
    {
        error = new SipParseError(kind, offset, detail);
        return false;
    }
}
