using Concierge.Sip.Headers;
using Concierge.Sip.Message;

namespace Concierge.Sip.Validation;

/// <summary>The outcome of checking a request: accepted, or the status, reason and extra headers of the answer to send.</summary>
public sealed class SipValidationResult
{
    private SipValidationResult(int statusCode, string detail, IReadOnlyList<SipHeader> extraHeaders)
    {
        StatusCode = statusCode;
        Detail = detail;
        ExtraHeaders = extraHeaders;
    }

    /// <summary>The request may be processed.</summary>
    public static SipValidationResult Accepted { get; } = new(0, "accepted", []);

    /// <summary>A rejection with the given status.</summary>
    public static SipValidationResult Reject(int statusCode, string detail, params IReadOnlyList<SipHeader> extraHeaders) =>
        new(statusCode, detail, extraHeaders);

    /// <summary>True when the request passed every check.</summary>
    public bool IsAccepted => StatusCode == 0;

    /// <summary>The status to answer with (0 when accepted).</summary>
    public int StatusCode { get; }

    /// <summary>The reason phrase for the status.</summary>
    public string ReasonPhrase => IsAccepted ? string.Empty : SipStatusCodes.ReasonPhrase(StatusCode);

    /// <summary>What was wrong (for logs and counters).</summary>
    public string Detail { get; }

    /// <summary>Headers to add to the response (Allow, Unsupported, Accept, Accept-Encoding, Warning).</summary>
    public IReadOnlyList<SipHeader> ExtraHeaders { get; }

    /// <summary>
    /// The response to send, or null when accepted, when the request is an ACK, or when it has no Via at all
    /// (such a request is dropped). Via lines are copied verbatim even when malformed; send to the source address.
    /// </summary>
    public SipResponse? CreateResponse(SipRequest request)
    {
        if (IsAccepted || request.Method == SipMethod.Ack || !request.Headers.Contains(SipHeaderNames.Via))
        {
            return null;
        }
        var response = SipResponse.CreateFor(request, StatusCode);
        foreach (var header in ExtraHeaders)
        {
            response.Headers.Add(header.Name, header.Value);
        }
        return response;
    }

    /// <summary>`accepted` or `status reason: detail`.</summary>
    public override string ToString() => IsAccepted ? Detail : $"{StatusCode} {ReasonPhrase}: {Detail}";
}
