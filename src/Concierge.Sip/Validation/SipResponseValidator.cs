using Concierge.Sip.Headers;
using Concierge.Sip.Message;
using Concierge.Sip.Parsing;

namespace Concierge.Sip.Validation;

/// <summary>Checks a received response before the transaction layer sees it (RFC 3261 §18.1.2, RFC 4475 §3.1.2.5, §3.3.10); a failed response is discarded.</summary>
public sealed class SipResponseValidator
{
    private readonly SipValidatorRole _role;

    /// <summary>Creates a validator for the given role (an endpoint discards responses with more than one Via).</summary>
    public SipResponseValidator(SipValidatorRole role = SipValidatorRole.Endpoint) => _role = role;

    /// <summary>Null when the response is usable, else why it must be discarded.</summary>
    public string? Check(SipResponse response)
    {
        if (!string.Equals(response.Version, SipMessage.Version20, StringComparison.OrdinalIgnoreCase))
        {
            return $"version {response.Version}";
        }
        if (!response.TryGetVias(out var vias) || vias.Count == 0)
        {
            return "missing or malformed Via";
        }
        if (_role != SipValidatorRole.Proxy && vias.Count != 1)
        {
            return "a response to a user agent carries exactly one Via";
        }
        if (response.From is null || response.To is null || response.CallId is null)
        {
            return "missing or malformed From, To or Call-ID";
        }
        if (response.CSeq is null)
        {
            return "missing, malformed or out-of-range CSeq";
        }
        var retryAfter = response.Headers.GetFirst(SipHeaderNames.RetryAfter);
        if (retryAfter is not null)
        {
            var seconds = retryAfter.Split([';', '('], 2)[0];
            if (!ScalarGrammar.TryParseUnsigned(SpanText.Bytes(seconds), uint.MaxValue, out _))
            {
                return "Retry-After out of range";
            }
        }
        foreach (var warning in response.Headers.GetValues(SipHeaderNames.Warning))
        {
            var code = warning.Split(' ', 2)[0];
            if (code.Length != 3 || !code.All(char.IsAsciiDigit))
            {
                return "Warning code is not three digits";
            }
        }
        return null;
    }
}
