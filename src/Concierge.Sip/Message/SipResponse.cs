using System.Globalization;
using Concierge.Sip.Headers;

namespace Concierge.Sip.Message;

/// <summary>A SIP response: status code, reason phrase, headers and body.</summary>
public sealed class SipResponse : SipMessage
{
    /// <summary>Creates a response with no headers (reason defaults to the standard phrase).</summary>
    public SipResponse(int statusCode, string? reasonPhrase = null)
        : this(statusCode, reasonPhrase ?? SipStatusCodes.ReasonPhrase(statusCode), new SipHeaders(), Version20)
    {
    }

    internal SipResponse(int statusCode, string reasonPhrase, SipHeaders headers, string version)
        : base(headers, version)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 699);
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
    }

    /// <summary>Status code 100-699.</summary>
    public int StatusCode { get; }

    /// <summary>Reason phrase (may be empty); CR and LF are replaced by spaces.</summary>
    public string ReasonPhrase
    {
        get => _reasonPhrase;
        set => _reasonPhrase = value.Replace('\r', ' ').Replace('\n', ' ');
    }

    private string _reasonPhrase = string.Empty;

    /// <summary>True for 1xx.</summary>
    public bool IsProvisional => StatusCode < 200;

    /// <summary>True for 2xx.</summary>
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>True for 200-699.</summary>
    public bool IsFinal => StatusCode >= 200;

    /// <inheritdoc />
    public override bool IsRequest => false;

    /// <inheritdoc />
    public override string StartLine => Version + " " + StatusCode.ToString(CultureInfo.InvariantCulture) + " " + ReasonPhrase;

    private protected override bool TryFormatStartLine(Span<char> destination, out int written) =>
        destination.TryWrite(CultureInfo.InvariantCulture, $"{Version} {StatusCode} {ReasonPhrase}", out written);

    /// <summary>
    /// Creates a response to a request (RFC 3261 §8.2.6): copies every Via line, From, To, Call-ID and CSeq verbatim
    /// and in order (and Timestamp into a 100). It does not add a To tag or copy Record-Route; the UA core does that.
    /// </summary>
    public static SipResponse CreateFor(SipRequest request, int statusCode, string? reasonPhrase = null)
    {
        var response = new SipResponse(statusCode, reasonPhrase);
        var source = request.Headers;
        for (var i = 0; i < source.Count; i++)
        {
            var id = source.EntryAt(i).Id;
            if (id is HeaderId.Via or HeaderId.From or HeaderId.To or HeaderId.CallId or HeaderId.CSeq
                || (id == HeaderId.Timestamp && statusCode == 100))
            {
                response.Headers.CopyFrom(source, i);
            }
        }
        return response;
    }

    private protected override void WriteStartLine(ref SipByteWriter writer)
    {
        writer.Write(Version);
        writer.Write(" "u8);
        writer.Write(StatusCode);
        writer.Write(" "u8);
        writer.Write(ReasonPhrase);
    }
}
