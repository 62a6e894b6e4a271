using Concierge.Sip.Headers;
using Concierge.Sip.Message;
using Concierge.Sip.Parsing;

namespace Concierge.Sip.Validation;

/// <summary>
/// UAS-core and proxy checks of a parsed request (RFC 3261 §8.2, §16.3; RFC 4475): 505 version, 400 missing,
/// duplicated or malformed headers and CSeq/method mismatch, 405/501 methods, 416 URI scheme, 420 Require,
/// 415 body type/encoding, 406 Accept, 483 Max-Forwards. It only decides; the caller sends.
/// </summary>
public sealed class SipRequestValidator
{
    private static readonly HeaderId[] SingleValued =
    [
        HeaderId.From, HeaderId.To, HeaderId.CallId, HeaderId.CSeq, HeaderId.MaxForwards, HeaderId.ContentType,
        HeaderId.Expires, HeaderId.Date, HeaderId.ContentDisposition, HeaderId.MinExpires, HeaderId.Event,
        HeaderId.ReferTo, HeaderId.SessionExpires, HeaderId.MinSe, HeaderId.RSeq, HeaderId.RAck,
    ];

    private static readonly string[] KnownMethods =
    [
        SipMethod.Invite, SipMethod.Ack, SipMethod.Bye, SipMethod.Cancel, SipMethod.Options, SipMethod.Register,
        SipMethod.Info, SipMethod.Update, SipMethod.Refer, SipMethod.Notify, SipMethod.Subscribe, SipMethod.Message,
        SipMethod.Prack, SipMethod.Publish,
    ];

    private readonly SipValidatorOptions _options;

    /// <summary>Creates a validator.</summary>
    public SipRequestValidator(SipValidatorOptions? options = null) => _options = options ?? SipValidatorOptions.Endpoint;

    /// <summary>Checks the request; never throws.</summary>
    public SipValidationResult Validate(SipRequest request)
    {
        if (!string.Equals(request.Version, SipMessage.Version20, StringComparison.OrdinalIgnoreCase))
        {
            return SipValidationResult.Reject(505, $"version {request.Version} is not SIP/2.0");
        }
        var syntax = CheckHeaders(request);
        if (syntax is not null)
        {
            return SipValidationResult.Reject(400, syntax);
        }
        var isProxy = _options.Role == SipValidatorRole.Proxy;
        if (!isProxy && !AllowedMethods().Contains(request.Method, StringComparer.Ordinal))
        {
            var known = KnownMethods.Contains(request.Method, StringComparer.Ordinal);
            return SipValidationResult.Reject(known ? 405 : 501, $"method {request.Method} is not {(known ? "allowed" : "implemented")}",
                new SipHeader(SipHeaderNames.Allow, string.Join(", ", AllowedMethods())));
        }
        if (request.CSeq!.Value.Method != request.Method)
        {
            return SipValidationResult.Reject(400, $"CSeq method {request.CSeq.Value.Method} does not match {request.Method}");
        }
        if (!_options.UriSchemes.Contains(request.RequestUri.Scheme, StringComparer.OrdinalIgnoreCase))
        {
            return SipValidationResult.Reject(416, $"Request-URI scheme {request.RequestUri.Scheme} is not supported");
        }
        if (request.RequestUri.Headers.Count > 0)
        {
            return SipValidationResult.Reject(400, "Request-URI carries URI headers");
        }
        if (isProxy)
        {
            return CheckProxy(request);
        }
        if (_options.Role == SipValidatorRole.Registrar && request.Method == SipMethod.Register && request.To!.Uri is { IsSip: false } aor)
        {
            return SipValidationResult.Reject(400, $"address-of-record scheme {aor.Scheme} cannot be registered");
        }
        if (request.Method is SipMethod.Ack or SipMethod.Cancel)
        {
            return SipValidationResult.Accepted;
        }
        var unsupported = UnsupportedOptions(request, SipHeaderNames.Require);
        if (unsupported.Count > 0)
        {
            return SipValidationResult.Reject(420, "unsupported Require: " + string.Join(", ", unsupported),
                new SipHeader(SipHeaderNames.Unsupported, string.Join(", ", unsupported)));
        }
        var body = CheckBody(request);
        if (body is not null)
        {
            return body;
        }
        return CheckAccept(request) ?? SipValidationResult.Accepted;
    }

    private IEnumerable<string> AllowedMethods() =>
        _options.Role == SipValidatorRole.Registrar && !_options.AllowedMethods.Contains(SipMethod.Register)
            ? _options.AllowedMethods.Append(SipMethod.Register)
            : _options.AllowedMethods;

    private SipValidationResult CheckProxy(SipRequest request)
    {
        var unsupported = UnsupportedOptions(request, SipHeaderNames.ProxyRequire);
        if (unsupported.Count > 0)
        {
            return SipValidationResult.Reject(420, "unsupported Proxy-Require: " + string.Join(", ", unsupported),
                new SipHeader(SipHeaderNames.Unsupported, string.Join(", ", unsupported)));
        }
        if (request.MaxForwards == 0 && request.Method != SipMethod.Ack)
        {
            return SipValidationResult.Reject(483, "Max-Forwards is 0");
        }
        return SipValidationResult.Accepted;
    }

    private List<string> UnsupportedOptions(SipRequest request, string header) =>
        request.Headers.GetValues(header)
            .Where(tag => !_options.SupportedExtensions.Contains(tag, StringComparer.OrdinalIgnoreCase))
            .ToList();

    private SipValidationResult? CheckBody(SipRequest request)
    {
        if (request.Body.IsEmpty)
        {
            return null;
        }
        var encodings = request.Headers.GetValues(SipHeaderNames.ContentEncoding);
        var unknownEncoding = encodings.FirstOrDefault(e => !_options.AcceptedContentEncodings.Contains(e, StringComparer.OrdinalIgnoreCase));
        if (unknownEncoding is not null)
        {
            return SipValidationResult.Reject(415, $"Content-Encoding {unknownEncoding} is not supported",
                new SipHeader(SipHeaderNames.AcceptEncoding, string.Join(", ", _options.AcceptedContentEncodings)));
        }
        var type = request.ContentType;
        var mediaType = type?.MediaType ?? "application/sdp";
        if (!_options.AcceptedContentTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            return SipValidationResult.Reject(415, $"Content-Type {mediaType} is not supported",
                new SipHeader(SipHeaderNames.Accept, string.Join(", ", _options.AcceptedContentTypes)));
        }
        return null;
    }

    private SipValidationResult? CheckAccept(SipRequest request)
    {
        if (request.Method != SipMethod.Invite || !request.Headers.Contains(SipHeaderNames.Accept))
        {
            return null;
        }
        foreach (var value in request.Headers.GetValues(SipHeaderNames.Accept))
        {
            if (SipMediaType.TryParse(value, out var accepted) && accepted!.Matches("application", "sdp"))
            {
                return null;
            }
        }
        return SipValidationResult.Reject(406, "Accept does not allow application/sdp",
            new SipHeader(SipHeaderNames.Warning, $"399 {_options.WarningAgent} \"Only application/sdp answers are possible\""),
            new SipHeader(SipHeaderNames.Accept, "application/sdp"));
    }

    /// <summary>Presence, uniqueness and syntax of the headers the core relies on; null when fine.</summary>
    private static string? CheckHeaders(SipRequest request)
    {
        var headers = request.Headers;
        foreach (var id in SingleValued)
        {
            var first = headers.IndexOf(id);
            if (first >= 0 && headers.IndexOf(id, first + 1) >= 0)
            {
                return $"{HeaderNameTable.Name(id)} appears more than once";
            }
        }
        foreach (var (id, name) in new[] { (HeaderId.Via, "Via"), (HeaderId.From, "From"), (HeaderId.To, "To"), (HeaderId.CallId, "Call-ID"), (HeaderId.CSeq, "CSeq") })
        {
            if (headers.IndexOf(id) < 0)
            {
                return $"missing {name}";
            }
        }
        if (!request.TryGetVias(out var vias))
        {
            return "malformed Via";
        }
        if (vias[0].Branch == SipVia.BranchCookie)
        {
            return "Via branch is only the magic cookie";
        }
        if (request.From is null)
        {
            return "malformed From";
        }
        if (request.To is null)
        {
            return "malformed To";
        }
        if (request.CallId is null)
        {
            return "malformed Call-ID";
        }
        if (request.CSeq is null)
        {
            return "malformed or out-of-range CSeq";
        }
        if (headers.Contains(SipHeaderNames.MaxForwards) && request.MaxForwards is null)
        {
            return "malformed or out-of-range Max-Forwards";
        }
        if (headers.Contains(SipHeaderNames.Expires) && request.Expires is null)
        {
            return "malformed or out-of-range Expires";
        }
        if (headers.Contains(SipHeaderNames.ContentType) && request.ContentType is null)
        {
            return "malformed Content-Type";
        }
        if (!request.IsWildcardContact)
        {
            if (!request.TryGetNameAddresses(SipHeaderNames.Contact, out var contacts))
            {
                return "malformed Contact";
            }
            foreach (var contact in contacts)
            {
                var expires = contact.Parameters["expires"];
                if (expires is not null && !ScalarGrammar.TryParseUnsigned(SpanText.Bytes(expires), uint.MaxValue, out _))
                {
                    return "Contact expires out of range";
                }
            }
        }
        if (!request.TryGetNameAddresses(SipHeaderNames.Route, out _) || !request.TryGetNameAddresses(SipHeaderNames.RecordRoute, out _))
        {
            return "malformed Route or Record-Route";
        }
        foreach (var name in new[] { SipHeaderNames.Require, SipHeaderNames.ProxyRequire, SipHeaderNames.Supported })
        {
            foreach (var tag in headers.GetValues(name))
            {
                if (!SipCharClass.AllToken(tag.AsSpan()))
                {
                    return $"malformed {name}";
                }
            }
        }
        var date = headers.GetFirst(SipHeaderNames.Date);
        if (date is not null && !date.TrimEnd().EndsWith(" GMT", StringComparison.Ordinal))
        {
            return "Date is not in GMT";
        }
        return null;
    }
}
