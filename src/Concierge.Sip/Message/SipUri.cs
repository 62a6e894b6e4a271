using System.Text;
using Concierge.Sip.Parsing;

namespace Concierge.Sip.Message;

/// <summary>A sip:, sips: or tel: URI (RFC 3261 §19.1, RFC 3966), or any other absolute URI kept opaque; components are stored unescaped.</summary>
public sealed class SipUri : IEquatable<SipUri>
{
    private string? _text; // rendered once: the value is immutable

    /// <summary>Creates a sip/sips URI.</summary>
    public SipUri(string scheme, string? user, string host, int? port = null, SipParameters? parameters = null,
        SipParameters? headers = null, string? password = null)
    {
        Scheme = scheme.ToLowerInvariant();
        User = user;
        Password = password;
        Host = host;
        Port = port;
        Parameters = parameters ?? SipParameters.Empty;
        Headers = headers ?? SipParameters.Empty;
    }

    private SipUri(string scheme, string opaque)
    {
        Scheme = scheme.ToLowerInvariant();
        Host = string.Empty;
        Opaque = opaque;
        Parameters = SipParameters.Empty;
        Headers = SipParameters.Empty;
    }

    /// <summary>Lower-case scheme: "sip", "sips", "tel" or another scheme.</summary>
    public string Scheme { get; }

    /// <summary>User part (unescaped) for sip/sips; the telephone number for tel; null when absent.</summary>
    public string? User { get; }

    /// <summary>Password after the user (unescaped), rarely used.</summary>
    public string? Password { get; }

    /// <summary>Host name, IPv4 address or bracketed IPv6 reference; empty for tel and other schemes.</summary>
    public string Host { get; }

    /// <summary>Port when given.</summary>
    public int? Port { get; }

    /// <summary>URI parameters (transport, lr, user, maddr, phone-context for tel ...), unescaped.</summary>
    public SipParameters Parameters { get; }

    /// <summary>URI headers after `?` (unescaped).</summary>
    public SipParameters Headers { get; }

    /// <summary>For a scheme other than sip/sips/tel, everything after the colon.</summary>
    public string? Opaque { get; }

    /// <summary>True for sip: and sips: URIs.</summary>
    public bool IsSip => Scheme is "sip" or "sips";

    /// <summary>True for sips: URIs.</summary>
    public bool IsSecure => Scheme == "sips";

    /// <summary>True for tel: URIs.</summary>
    public bool IsTel => Scheme == "tel";

    /// <summary>The telephone number of a tel URI (same as User).</summary>
    public string? TelephoneNumber => IsTel ? User : null;

    /// <summary>The transport parameter, if any.</summary>
    public string? Transport => Parameters["transport"];

    /// <summary>True when the loose-routing `lr` parameter is present.</summary>
    public bool IsLooseRouter => Parameters.Contains("lr");

    /// <summary>`host` or `host:port`.</summary>
    public string HostPort => Port is { } p ? Host + ":" + p.ToString(System.Globalization.CultureInfo.InvariantCulture) : Host;

    /// <summary>Creates `sip:user@host[:port]`.</summary>
    public static SipUri Sip(string? user, string host, int? port = null) => new("sip", user, host, port);

    /// <summary>Creates `tel:number`.</summary>
    public static SipUri Tel(string number, SipParameters? parameters = null) => new("tel", number, string.Empty, null, parameters);

    /// <summary>A copy with the given parameter set.</summary>
    public SipUri WithParameter(string name, string? value) =>
        IsSip || IsTel ? new SipUri(Scheme, User, Host, Port, Parameters.With(name, value), Headers, Password) : this;

    /// <summary>A copy without the given parameter.</summary>
    public SipUri WithoutParameter(string name) =>
        IsSip || IsTel ? new SipUri(Scheme, User, Host, Port, Parameters.Without(name), Headers, Password) : this;

    /// <summary>A copy with another user part.</summary>
    public SipUri WithUser(string? user) => IsSip || IsTel ? new SipUri(Scheme, user, Host, Port, Parameters, Headers, Password) : this;

    /// <summary>A copy with another host and port.</summary>
    public SipUri WithHost(string host, int? port) => IsSip ? new SipUri(Scheme, User, host, port, Parameters, Headers, Password) : this;

    /// <summary>A copy without URI headers (as required when the URI becomes a Request-URI).</summary>
    public SipUri WithoutHeaders() => Headers.Count == 0 ? this : new SipUri(Scheme, User, Host, Port, Parameters, null, Password);

    /// <summary>Parses a URI; false (never an exception) when it is malformed.</summary>
    public static bool TryParse(string? text, out SipUri? uri)
    {
        uri = null;
        return text is not null && TryParse(SpanText.Bytes(text), out uri);
    }

    /// <summary>Parses a URI that the caller knows is well formed; throws FormatException otherwise (not for network input).</summary>
    public static SipUri Parse(string text) =>
        TryParse(text, out var uri) ? uri! : throw new FormatException("Not a valid SIP URI: " + text);

    /// <summary>Parses a URI from bytes; false when malformed.</summary>
    public static bool TryParse(ReadOnlySpan<byte> s, out SipUri? uri) => UriGrammar.TryParse(s, out uri);

    internal static SipUri CreateOpaque(string scheme, string opaque) => new(scheme, opaque);

    /// <summary>The URI text with components escaped as RFC 3261 requires.</summary>
    public override string ToString()
    {
        if (_text is null)
        {
            var b = TextBuilderCache.Acquire();
            AppendTo(b);
            _text = TextBuilderCache.Release(b);
        }
        return _text;
    }

    /// <summary>Appends the URI text.</summary>
    public void AppendTo(StringBuilder b)
    {
        if (_text is not null)
        {
            b.Append(_text);
            return;
        }
        b.Append(Scheme).Append(':');
        if (Opaque is not null)
        {
            b.Append(Opaque);
            return;
        }
        if (IsTel)
        {
            SpanText.AppendEscaped(b, User ?? string.Empty, SipCharClass.Unreserved | SipCharClass.ParamExtra);
        }
        else
        {
            if (User is not null)
            {
                SpanText.AppendEscaped(b, User, SipCharClass.Unreserved | SipCharClass.UserExtra);
                if (Password is not null)
                {
                    b.Append(':');
                    SpanText.AppendEscaped(b, Password, SipCharClass.Unreserved | SipCharClass.PasswordExtra);
                }
                b.Append('@');
            }
            b.Append(Host);
            if (Port is { } port)
            {
                b.Append(':').Append(port);
            }
        }
        foreach (var p in Parameters)
        {
            b.Append(';');
            SpanText.AppendEscaped(b, p.Name, SipCharClass.Unreserved | SipCharClass.ParamExtra);
            if (p.Value is not null)
            {
                b.Append('=');
                SpanText.AppendEscaped(b, p.Value, SipCharClass.Unreserved | SipCharClass.ParamExtra);
            }
        }
        for (var i = 0; i < Headers.Count; i++)
        {
            b.Append(i == 0 ? '?' : '&');
            SpanText.AppendEscaped(b, Headers[i].Name, SipCharClass.Unreserved | SipCharClass.HeaderExtra);
            b.Append('=');
            SpanText.AppendEscaped(b, Headers[i].Value ?? string.Empty, SipCharClass.Unreserved | SipCharClass.HeaderExtra);
        }
    }

    /// <summary>Structural equality: scheme and host case-insensitive, other parts exact, parameters in order.</summary>
    public bool Equals(SipUri? other) =>
        other is not null
        && Scheme == other.Scheme
        && string.Equals(User, other.User, StringComparison.Ordinal)
        && string.Equals(Password, other.Password, StringComparison.Ordinal)
        && string.Equals(Host, other.Host, StringComparison.OrdinalIgnoreCase)
        && Port == other.Port
        && string.Equals(Opaque, other.Opaque, StringComparison.Ordinal)
        && Parameters.Equals(other.Parameters)
        && Headers.Equals(other.Headers);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SipUri);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(Scheme, User, StringComparer.OrdinalIgnoreCase.GetHashCode(Host), Port, Parameters);
}
