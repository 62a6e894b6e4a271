using System.Buffers;
using System.Globalization;
using Concierge.Sip.Headers;
using Concierge.Sip.Parsing;

namespace Concierge.Sip.Message;

/// <summary>A SIP request or response: start line, ordered headers with typed accessors, and body bytes.</summary>
public abstract class SipMessage
{
    /// <summary>The only version the stack speaks.</summary>
    public const string Version20 = "SIP/2.0";

    private int _cacheVersion = -1;
    private SipVia? _topVia;
    private NameAddress? _from;
    private NameAddress? _to;
    private string? _callId;
    private SipCSeq? _cseq;

    private protected SipMessage(SipHeaders headers, string version)
    {
        Headers = headers;
        Version = version;
    }

    /// <summary>The SIP-Version of the start line, normally "SIP/2.0".</summary>
    public string Version { get; set; }

    /// <summary>Header fields in order.</summary>
    public SipHeaders Headers { get; }

    /// <summary>The message body (a slice of the received bytes for a parsed message).</summary>
    public ReadOnlyMemory<byte> Body { get; set; }

    /// <summary>True for a request.</summary>
    public abstract bool IsRequest { get; }

    /// <summary>The first line without CRLF, e.g. "INVITE sip:a@b SIP/2.0" or "SIP/2.0 200 OK".</summary>
    public abstract string StartLine { get; }

    /// <summary>The start line, formatted into <paramref name="destination"/> (for trace lines without strings).</summary>
    private protected abstract bool TryFormatStartLine(Span<char> destination, out int written);

    /// <summary>The start line as a value an interpolated string formats in place.</summary>
    public StartLineText StartLineFormat => new(this);

    /// <summary>Formats a message's start line in place (see <see cref="StartLineFormat"/>).</summary>
    public readonly struct StartLineText(SipMessage message) : ISpanFormattable
    {
        /// <inheritdoc />
        public override string ToString() => message.StartLine;

        /// <inheritdoc />
        public string ToString(string? format, IFormatProvider? formatProvider) => message.StartLine;

        /// <inheritdoc />
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
            message.TryFormatStartLine(destination, out charsWritten);
    }

    /// <summary>The top (first) Via value, or null when absent or malformed.</summary>
    public SipVia? TopVia
    {
        get
        {
            Refresh();
            if (_topVia is null)
            {
                var index = Headers.IndexOf(HeaderId.Via);
                if (index >= 0)
                {
                    _topVia = ViaGrammar.TryParseFirst(Headers.ValueBytesAt(index), out var via) ? via : null;
                }
            }
            return _topVia;
        }
    }

    /// <summary>Every Via value, top first; empty when absent or any is malformed.</summary>
    public IReadOnlyList<SipVia> Vias => TryGetVias(out var vias) ? vias : [];

    /// <summary>Parses every Via value; false when one is malformed.</summary>
    public bool TryGetVias(out IReadOnlyList<SipVia> vias)
    {
        var list = new List<SipVia>();
        vias = list;
        for (var i = Headers.IndexOf(HeaderId.Via); i >= 0; i = Headers.IndexOf(HeaderId.Via, i + 1))
        {
            if (!ViaGrammar.TryParseList(Headers.ValueBytesAt(i), list))
            {
                vias = [];
                return false;
            }
        }
        return true;
    }

    /// <summary>Inserts a Via as the new top value.</summary>
    public void PushVia(SipVia via)
    {
        var cachesValid = _cacheVersion == Headers.Version;
        Headers.AddFirst(SipHeaderNames.Via, via.ToString());
        if (cachesValid) _cacheVersion = Headers.Version;
        else Refresh();
        _topVia = via; // the pushed value is the new top Via: no need to parse its text again
    }

    /// <summary>Removes the top Via value (only that value when a line holds several); false when there is none.</summary>
    public bool PopVia()
    {
        var index = Headers.IndexOf(HeaderId.Via);
        if (index < 0)
        {
            return false;
        }
        var values = new List<string>();
        ListValueSplitter.Split(Headers.ValueAt(index), values);
        if (values.Count <= 1)
        {
            Headers.RemoveAt(index);
        }
        else
        {
            Headers.SetAt(index, string.Join(", ", values.Skip(1)));
        }
        return true;
    }

    /// <summary>The From header, or null when absent or malformed; setting replaces it.</summary>
    public NameAddress? From
    {
        get
        {
            Refresh();
            return _from ??= ParseNameAddress(HeaderId.From);
        }
        set
        {
            SetKeepingCaches(SipHeaderNames.From, value?.ToString());
            _from = value;
        }
    }

    /// <summary>The To header, or null when absent or malformed; setting replaces it.</summary>
    public NameAddress? To
    {
        get
        {
            Refresh();
            return _to ??= ParseNameAddress(HeaderId.To);
        }
        set
        {
            SetKeepingCaches(SipHeaderNames.To, value?.ToString());
            _to = value;
        }
    }

    /// <summary>The Call-ID (trimmed), or null when absent or malformed.</summary>
    public string? CallId
    {
        get
        {
            Refresh();
            if (_callId is null)
            {
                var index = Headers.IndexOf(HeaderId.CallId);
                if (index >= 0)
                {
                    var bytes = Headers.ValueBytesAt(index);
                    _callId = ScalarGrammar.IsValidCallId(bytes) ? SpanText.Utf8(SipCharClass.TrimWhitespace(bytes)) : null;
                }
            }
            return _callId;
        }
        set => SetOrRemove(SipHeaderNames.CallId, value);
    }

    /// <summary>The CSeq, or null when absent or malformed.</summary>
    public SipCSeq? CSeq
    {
        get
        {
            Refresh();
            if (_cseq is null)
            {
                var index = Headers.IndexOf(HeaderId.CSeq);
                if (index >= 0 && ScalarGrammar.TryParseCSeq(Headers.ValueBytesAt(index), out var cseq))
                {
                    _cseq = cseq;
                }
            }
            return _cseq;
        }
        set
        {
            SetKeepingCaches(SipHeaderNames.CSeq, value?.ToString());
            _cseq = value;
        }
    }

    /// <summary>Max-Forwards (0-255), or null when absent or malformed.</summary>
    public int? MaxForwards
    {
        get => ParseUnsigned(HeaderId.MaxForwards, 255) is { } v ? (int)v : null;
        set => SetOrRemove(SipHeaderNames.MaxForwards, value?.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Expires in seconds (0 to 2^32-1), or null when absent or malformed.</summary>
    public long? Expires
    {
        get => ParseUnsigned(HeaderId.Expires, uint.MaxValue) is { } v ? (long)v : null;
        set => SetOrRemove(SipHeaderNames.Expires, value?.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The Content-Length header value as written, or null when absent or malformed (serialization always writes the body length).</summary>
    public int? ContentLength => ParseUnsigned(HeaderId.ContentLength, int.MaxValue) is { } v ? (int)v : null;

    /// <summary>The Content-Type, or null when absent or malformed.</summary>
    public SipMediaType? ContentType
    {
        get
        {
            var index = Headers.IndexOf(HeaderId.ContentType);
            return index >= 0 && SipMediaType.TryParse(Headers.ValueBytesAt(index), out var type) ? type : null;
        }
        set => SetOrRemove(SipHeaderNames.ContentType, value?.ToString());
    }

    /// <summary>True when the Contact header is `*` (REGISTER removing all bindings).</summary>
    public bool IsWildcardContact => Headers.GetFirst(SipHeaderNames.Contact)?.Trim() == "*";

    /// <summary>Every Contact value; empty when absent, `*` or malformed.</summary>
    public IReadOnlyList<NameAddress> Contacts => ParseNameAddressList(HeaderId.Contact);

    /// <summary>The first Contact value, or null.</summary>
    public NameAddress? Contact => Contacts is { Count: > 0 } list ? list[0] : null;

    /// <summary>Every Route value in order; empty when absent or malformed.</summary>
    public IReadOnlyList<NameAddress> Routes => ParseNameAddressList(HeaderId.Route);

    /// <summary>Every Record-Route value in order; empty when absent or malformed.</summary>
    public IReadOnlyList<NameAddress> RecordRoutes => ParseNameAddressList(HeaderId.RecordRoute);

    /// <summary>Parses every value of a name-addr list header (Contact, Route, Record-Route, P-Asserted-Identity ...); false when one is malformed.</summary>
    public bool TryGetNameAddresses(string headerName, out IReadOnlyList<NameAddress> values)
    {
        var (id, canonical) = SipHeaders.Resolve(headerName);
        var list = new List<NameAddress>();
        values = list;
        for (var i = 0; i < Headers.Count; i++)
        {
            ref readonly var e = ref Headers.EntryAt(i);
            var match = id != HeaderId.Unknown ? e.Id == id : string.Equals(e.Name, canonical, StringComparison.OrdinalIgnoreCase);
            if (match && !NameAddressGrammar.TryParseList(Headers.ValueBytesAt(i), list))
            {
                values = [];
                return false;
            }
        }
        return true;
    }

    /// <summary>Sets the body and its Content-Type (Content-Length is written on serialization).</summary>
    public void SetBody(SipMediaType contentType, ReadOnlyMemory<byte> body)
    {
        ContentType = contentType;
        Body = body;
    }

    /// <summary>Serializes the message (Content-Length always equals the body length).</summary>
    public byte[] ToBytes() => SipMessageWriter.ToBytes(this);

    /// <summary>Serializes the message into a buffer writer.</summary>
    public void WriteTo(IBufferWriter<byte> writer) => SipMessageWriter.WriteTo(this, writer);

    /// <summary>The serialized message as text (for logs and tests).</summary>
    public override string ToString() => System.Text.Encoding.UTF8.GetString(ToBytes());

    /// <summary>Same start line, same header names and values in order, and the same body bytes.</summary>
    public bool ContentEquals(SipMessage other)
    {
        if (other.IsRequest != IsRequest || other.StartLine != StartLine || other.Headers.Count != Headers.Count
            || !other.Body.Span.SequenceEqual(Body.Span))
        {
            return false;
        }
        for (var i = 0; i < Headers.Count; i++)
        {
            var a = Headers[i];
            var b = other.Headers[i];
            if (!string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase) || a.Value != b.Value)
            {
                return false;
            }
        }
        return true;
    }

    private protected abstract void WriteStartLine(ref SipByteWriter writer);

    internal void WriteStartLineTo(ref SipByteWriter writer) => WriteStartLine(ref writer);

    private void Refresh()
    {
        if (_cacheVersion != Headers.Version)
        {
            _cacheVersion = Headers.Version;
            _topVia = null;
            _from = null;
            _to = null;
            _callId = null;
            _cseq = null;
        }
    }

    private NameAddress? ParseNameAddress(HeaderId id)
    {
        var index = Headers.IndexOf(id);
        return index >= 0 && NameAddressGrammar.TryParseSingle(Headers.ValueBytesAt(index), out var value) ? value : null;
    }

    private IReadOnlyList<NameAddress> ParseNameAddressList(HeaderId id) =>
        TryGetNameAddresses(HeaderNameTable.Name(id), out var values) ? values : [];

    private ulong? ParseUnsigned(HeaderId id, ulong max)
    {
        var index = Headers.IndexOf(id);
        return index >= 0 && ScalarGrammar.TryParseUnsigned(Headers.ValueBytesAt(index), max, out var value) ? value : null;
    }

    /// <summary>
    /// Sets one header through its typed property: the other typed caches stay valid (only that header changed), and
    /// the caller stores the value it set instead of parsing its own text again.
    /// </summary>
    private void SetKeepingCaches(string name, string? value)
    {
        var cachesValid = _cacheVersion == Headers.Version;
        SetOrRemove(name, value);
        if (cachesValid) _cacheVersion = Headers.Version;
        else Refresh();
    }

    private void SetOrRemove(string name, string? value)
    {
        if (value is null)
        {
            Headers.Remove(name);
        }
        else
        {
            Headers.Set(name, value);
        }
    }
}
