using System.Globalization;
using Concierge.Sip.Headers;

namespace Concierge.Sip.Message;

/// <summary>A SIP request: method, Request-URI, headers and body.</summary>
public sealed class SipRequest : SipMessage
{
    private SipUri _requestUri;
    private byte[]? _rawUri;
    private int _rawUriStart;
    private int _rawUriLength;

    /// <summary>Creates a request with no headers.</summary>
    public SipRequest(string method, SipUri requestUri)
        : base(new SipHeaders(), Version20)
    {
        if (!SipMethod.IsValid(method))
        {
            throw new ArgumentException($"method '{method}' is not a token", nameof(method));
        }
        Method = method;
        _requestUri = requestUri;
    }

    internal SipRequest(string method, SipUri requestUri, SipHeaders headers, string version, byte[] raw, int uriStart, int uriLength)
        : base(headers, version)
    {
        Method = method;
        _requestUri = requestUri;
        _rawUri = raw;
        _rawUriStart = uriStart;
        _rawUriLength = uriLength;
    }

    /// <summary>The method (case-sensitive).</summary>
    public string Method { get; }

    /// <summary>The Request-URI; setting it (proxy retargeting) replaces the received text.</summary>
    public SipUri RequestUri
    {
        get => _requestUri;
        set
        {
            _requestUri = value;
            _rawUri = null;
        }
    }

    /// <inheritdoc />
    public override bool IsRequest => true;

    /// <inheritdoc />
    public override string StartLine => Method + " " + RequestUriText + " " + Version;

    private protected override bool TryFormatStartLine(Span<char> destination, out int written)
    {
        if (_rawUri is null) return destination.TryWrite(CultureInfo.InvariantCulture, $"{Method} {_requestUri} {Version}", out written);
        var uri = _rawUri.AsSpan(_rawUriStart, _rawUriLength);
        written = 0;
        if (destination.Length < Method.Length + uri.Length + Version.Length + 2) return false;
        Method.CopyTo(destination);
        var n = Method.Length;
        destination[n++] = ' ';
        var status = System.Text.Unicode.Utf8.ToUtf16(uri, destination[n..], out _, out var chars);
        if (status != System.Buffers.OperationStatus.Done) return false;
        n += chars;
        if (destination.Length - n < Version.Length + 1) return false;
        destination[n++] = ' ';
        Version.CopyTo(destination[n..]);
        written = n + Version.Length;
        return true;
    }

    /// <summary>The Request-URI as received (or as it will be written).</summary>
    public string RequestUriText => _rawUri is null
        ? _requestUri.ToString()
        : Parsing.SpanText.Utf8(_rawUri.AsSpan(_rawUriStart, _rawUriLength));

    /// <summary>
    /// Creates a request with the mandatory headers in the usual order: Via, Max-Forwards, From, To, Call-ID, CSeq.
    /// </summary>
    public static SipRequest Create(string method, SipUri requestUri, NameAddress from, NameAddress to, string callId,
        uint sequenceNumber, SipVia via, int maxForwards = 70)
    {
        var request = new SipRequest(method, requestUri);
        request.PushVia(via);
        request.MaxForwards = maxForwards;
        request.From = from;
        request.To = to;
        request.CallId = callId;
        request.CSeq = new SipCSeq(sequenceNumber, method);
        return request;
    }

    private protected override void WriteStartLine(ref SipByteWriter writer)
    {
        writer.Write(Method);
        writer.Write(" "u8);
        if (_rawUri is not null)
        {
            writer.Write(_rawUri.AsSpan(_rawUriStart, _rawUriLength));
        }
        else
        {
            writer.Write(_requestUri.ToString());
        }
        writer.Write(" "u8);
        writer.Write(Version);
    }
}
