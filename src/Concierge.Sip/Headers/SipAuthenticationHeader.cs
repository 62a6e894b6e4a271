using System.Text;
using Concierge.Sip.Parsing;

namespace Concierge.Sip.Headers;

/// <summary>One auth-param of a challenge or credentials: name, unquoted value, and whether it was (or must be) quoted.</summary>
public readonly record struct SipAuthParameter(string Name, string Value, bool Quoted);

/// <summary>
/// WWW-Authenticate, Proxy-Authenticate, Authorization and Proxy-Authorization (RFC 3261 §25, RFC 2617, RFC 8760):
/// a scheme (Digest) and comma-separated auth-params with quoted strings unquoted. Parsing and writing only; the
/// digest computation lives with the authentication code.
/// </summary>
public sealed class SipAuthenticationHeader
{
    private static readonly HashSet<string> Unquoted = new(StringComparer.OrdinalIgnoreCase) { "algorithm", "stale", "nc" };

    /// <summary>Creates a header value.</summary>
    public SipAuthenticationHeader(string scheme, IEnumerable<SipAuthParameter> parameters)
    {
        Scheme = scheme;
        Parameters = parameters.ToList();
    }

    /// <summary>The scheme, normally Digest.</summary>
    public string Scheme { get; }

    /// <summary>Parameters in order.</summary>
    public IReadOnlyList<SipAuthParameter> Parameters { get; }

    /// <summary>The value of a parameter (case-insensitive name), unquoted; null when absent.</summary>
    public string? this[string name] => Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>realm.</summary>
    public string? Realm => this["realm"];
    /// <summary>nonce.</summary>
    public string? Nonce => this["nonce"];
    /// <summary>opaque.</summary>
    public string? Opaque => this["opaque"];
    /// <summary>algorithm (MD5 when absent, RFC 2617; SHA-256 per RFC 8760).</summary>
    public string Algorithm => this["algorithm"] ?? "MD5";
    /// <summary>qop (a list in a challenge, one value in credentials).</summary>
    public string? Qop => this["qop"];
    /// <summary>stale=true in a challenge.</summary>
    public bool Stale => string.Equals(this["stale"], "true", StringComparison.OrdinalIgnoreCase);
    /// <summary>username (credentials).</summary>
    public string? UserName => this["username"];
    /// <summary>digest-uri (credentials).</summary>
    public string? Uri => this["uri"];
    /// <summary>response (credentials).</summary>
    public string? Response => this["response"];
    /// <summary>cnonce (credentials).</summary>
    public string? ClientNonce => this["cnonce"];
    /// <summary>nc (credentials).</summary>
    public string? NonceCount => this["nc"];

    /// <summary>Creates a value quoting every parameter except algorithm, stale and nc (and qop in credentials, given as unquoted).</summary>
    public static SipAuthenticationHeader Create(string scheme, params IEnumerable<(string Name, string Value)> parameters) =>
        new(scheme, parameters.Select(p => new SipAuthParameter(p.Name, p.Value, !Unquoted.Contains(p.Name))));

    /// <summary>Parses `scheme param=value, param="quoted", ...`; false (no exception) when malformed.</summary>
    public static bool TryParse(string? text, out SipAuthenticationHeader? value)
    {
        value = null;
        if (text is null)
        {
            return false;
        }
        var s = SpanText.Bytes(text);
        var pos = 0;
        HeaderParameterGrammar.SkipWhitespace(s, ref pos);
        var start = pos;
        while (pos < s.Length && SipCharClass.IsToken(s[pos]))
        {
            pos++;
        }
        if (pos == start)
        {
            return false;
        }
        var scheme = SpanText.Utf8(s[start..pos]);
        var parameters = new List<SipAuthParameter>();
        while (true)
        {
            HeaderParameterGrammar.SkipWhitespace(s, ref pos);
            if (pos >= s.Length)
            {
                break;
            }
            if (parameters.Count > 0)
            {
                if (s[pos] != ',')
                {
                    return false;
                }
                pos++;
                HeaderParameterGrammar.SkipWhitespace(s, ref pos);
            }
            var nameStart = pos;
            while (pos < s.Length && SipCharClass.IsToken(s[pos]))
            {
                pos++;
            }
            var name = SpanText.Utf8(s[nameStart..pos]);
            HeaderParameterGrammar.SkipWhitespace(s, ref pos);
            if (name.Length == 0 || pos >= s.Length || s[pos] != '=')
            {
                return false;
            }
            pos++;
            HeaderParameterGrammar.SkipWhitespace(s, ref pos);
            if (pos < s.Length && s[pos] == '"')
            {
                var q = pos;
                if (!HeaderParameterGrammar.TrySkipQuoted(s, ref pos))
                {
                    return false;
                }
                parameters.Add(new SipAuthParameter(name, HeaderParameterGrammar.Unquote(s[(q + 1)..(pos - 1)]), true));
            }
            else
            {
                var valueStart = pos;
                while (pos < s.Length && (SipCharClass.IsToken(s[pos]) || s[pos] is (byte)'/' or (byte)':' or (byte)'=' or (byte)'@'))
                {
                    pos++;
                }
                if (pos == valueStart)
                {
                    return false;
                }
                parameters.Add(new SipAuthParameter(name, SpanText.Utf8(s[valueStart..pos]), false));
            }
        }
        value = new SipAuthenticationHeader(scheme, parameters);
        return true;
    }

    /// <summary>`Digest realm="x", nonce="y", algorithm=MD5`.</summary>
    public override string ToString()
    {
        var b = new StringBuilder(Scheme);
        for (var i = 0; i < Parameters.Count; i++)
        {
            var p = Parameters[i];
            b.Append(i == 0 ? " " : ", ").Append(p.Name).Append('=');
            if (p.Quoted)
            {
                b.Append('"').Append(p.Value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                b.Append(p.Value);
            }
        }
        return b.ToString();
    }
}
