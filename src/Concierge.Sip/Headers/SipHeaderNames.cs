namespace Concierge.Sip.Headers;

/// <summary>Canonical names of the header fields the stack knows (compact forms expand to these).</summary>
public static class SipHeaderNames
{
    /// <summary>Accept.</summary>
    public const string Accept = "Accept";
    /// <summary>Accept-Contact (compact form a).</summary>
    public const string AcceptContact = "Accept-Contact";
    /// <summary>Accept-Encoding.</summary>
    public const string AcceptEncoding = "Accept-Encoding";
    /// <summary>Accept-Language.</summary>
    public const string AcceptLanguage = "Accept-Language";
    /// <summary>Alert-Info.</summary>
    public const string AlertInfo = "Alert-Info";
    /// <summary>Allow.</summary>
    public const string Allow = "Allow";
    /// <summary>Allow-Events (compact form u).</summary>
    public const string AllowEvents = "Allow-Events";
    /// <summary>Authentication-Info.</summary>
    public const string AuthenticationInfo = "Authentication-Info";
    /// <summary>Authorization.</summary>
    public const string Authorization = "Authorization";
    /// <summary>Call-ID (compact form i).</summary>
    public const string CallId = "Call-ID";
    /// <summary>Call-Info.</summary>
    public const string CallInfo = "Call-Info";
    /// <summary>Contact (compact form m).</summary>
    public const string Contact = "Contact";
    /// <summary>Content-Disposition.</summary>
    public const string ContentDisposition = "Content-Disposition";
    /// <summary>Content-Encoding (compact form e).</summary>
    public const string ContentEncoding = "Content-Encoding";
    /// <summary>Content-Language.</summary>
    public const string ContentLanguage = "Content-Language";
    /// <summary>Content-Length (compact form l).</summary>
    public const string ContentLength = "Content-Length";
    /// <summary>Content-Type (compact form c).</summary>
    public const string ContentType = "Content-Type";
    /// <summary>CSeq.</summary>
    public const string CSeq = "CSeq";
    /// <summary>Date.</summary>
    public const string Date = "Date";
    /// <summary>Diversion.</summary>
    public const string Diversion = "Diversion";
    /// <summary>Error-Info.</summary>
    public const string ErrorInfo = "Error-Info";
    /// <summary>Event (compact form o).</summary>
    public const string Event = "Event";
    /// <summary>Expires.</summary>
    public const string Expires = "Expires";
    /// <summary>From (compact form f).</summary>
    public const string From = "From";
    /// <summary>History-Info.</summary>
    public const string HistoryInfo = "History-Info";
    /// <summary>Identity (compact form y).</summary>
    public const string Identity = "Identity";
    /// <summary>In-Reply-To.</summary>
    public const string InReplyTo = "In-Reply-To";
    /// <summary>Max-Forwards.</summary>
    public const string MaxForwards = "Max-Forwards";
    /// <summary>MIME-Version.</summary>
    public const string MimeVersion = "MIME-Version";
    /// <summary>Min-Expires.</summary>
    public const string MinExpires = "Min-Expires";
    /// <summary>Min-SE.</summary>
    public const string MinSe = "Min-SE";
    /// <summary>Organization.</summary>
    public const string Organization = "Organization";
    /// <summary>P-Asserted-Identity.</summary>
    public const string PAssertedIdentity = "P-Asserted-Identity";
    /// <summary>P-Preferred-Identity.</summary>
    public const string PPreferredIdentity = "P-Preferred-Identity";
    /// <summary>Priority.</summary>
    public const string Priority = "Priority";
    /// <summary>Privacy.</summary>
    public const string Privacy = "Privacy";
    /// <summary>Proxy-Authenticate.</summary>
    public const string ProxyAuthenticate = "Proxy-Authenticate";
    /// <summary>Proxy-Authorization.</summary>
    public const string ProxyAuthorization = "Proxy-Authorization";
    /// <summary>Proxy-Require.</summary>
    public const string ProxyRequire = "Proxy-Require";
    /// <summary>RAck.</summary>
    public const string RAck = "RAck";
    /// <summary>Reason.</summary>
    public const string Reason = "Reason";
    /// <summary>Record-Route.</summary>
    public const string RecordRoute = "Record-Route";
    /// <summary>Refer-To (compact form r).</summary>
    public const string ReferTo = "Refer-To";
    /// <summary>Referred-By (compact form b).</summary>
    public const string ReferredBy = "Referred-By";
    /// <summary>Reject-Contact (compact form j).</summary>
    public const string RejectContact = "Reject-Contact";
    /// <summary>Replaces.</summary>
    public const string Replaces = "Replaces";
    /// <summary>Reply-To.</summary>
    public const string ReplyTo = "Reply-To";
    /// <summary>Request-Disposition (compact form d).</summary>
    public const string RequestDisposition = "Request-Disposition";
    /// <summary>Require.</summary>
    public const string Require = "Require";
    /// <summary>Retry-After.</summary>
    public const string RetryAfter = "Retry-After";
    /// <summary>Route.</summary>
    public const string Route = "Route";
    /// <summary>RSeq.</summary>
    public const string RSeq = "RSeq";
    /// <summary>Server.</summary>
    public const string Server = "Server";
    /// <summary>Session-Expires (compact form x).</summary>
    public const string SessionExpires = "Session-Expires";
    /// <summary>Subject (compact form s).</summary>
    public const string Subject = "Subject";
    /// <summary>Subscription-State.</summary>
    public const string SubscriptionState = "Subscription-State";
    /// <summary>Supported (compact form k).</summary>
    public const string Supported = "Supported";
    /// <summary>Timestamp.</summary>
    public const string Timestamp = "Timestamp";
    /// <summary>To (compact form t).</summary>
    public const string To = "To";
    /// <summary>Unsupported.</summary>
    public const string Unsupported = "Unsupported";
    /// <summary>User-Agent.</summary>
    public const string UserAgent = "User-Agent";
    /// <summary>Via (compact form v).</summary>
    public const string Via = "Via";
    /// <summary>Warning.</summary>
    public const string Warning = "Warning";
    /// <summary>WWW-Authenticate.</summary>
    public const string WwwAuthenticate = "WWW-Authenticate";
    /// <summary>X-Siemens-CDR.</summary>
    public const string XSiemensCDR = "X-Siemens-CDR";

    /// <summary>The canonical spelling of a known header name or compact form; other names are returned unchanged.</summary>
    public static string Canonicalize(string name)
    {
        var id = HeaderNameTable.Lookup(name);
        return id == HeaderId.Unknown ? name : HeaderNameTable.Name(id);
    }

    /// <summary>True when the header is defined as a comma-separated list (values may be split at top-level commas).</summary>
    public static bool IsList(string name) => HeaderNameTable.IsList(HeaderNameTable.Lookup(name));
}
