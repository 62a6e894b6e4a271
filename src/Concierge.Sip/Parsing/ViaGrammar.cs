using Concierge.Sip.Headers;

namespace Concierge.Sip.Parsing;

/// <summary>RFC 3261 via-parm grammar (LWS allowed around '/' and ':'), singly or comma-separated.</summary>
internal static class ViaGrammar
{
    public static bool TryParseList(ReadOnlySpan<byte> s, List<SipVia> into)
    {
        var pos = 0;
        while (true)
        {
            if (!TryParseOne(s, ref pos, out var via))
            {
                return false;
            }
            into.Add(via!);
            HeaderParameterGrammar.SkipWhitespace(s, ref pos);
            if (pos >= s.Length)
            {
                return true;
            }
            if (s[pos] != ',')
            {
                return false;
            }
            pos++;
        }
    }

    /// <summary>Parses the first via-parm of a value (the top Via when the value is the first Via line).</summary>
    public static bool TryParseFirst(ReadOnlySpan<byte> s, out SipVia? via)
    {
        var pos = 0;
        if (!TryParseOne(s, ref pos, out via))
        {
            return false;
        }
        HeaderParameterGrammar.SkipWhitespace(s, ref pos);
        return pos >= s.Length || s[pos] == ',';
    }

    private static bool TryParseOne(ReadOnlySpan<byte> s, ref int pos, out SipVia? via)
    {
        via = null;
        if (!TryToken(s, ref pos, out var name) || !TrySlash(s, ref pos)
            || !TryToken(s, ref pos, out var version) || !TrySlash(s, ref pos)
            || !TryToken(s, ref pos, out var transport))
        {
            return false;
        }
        var afterTransport = pos;
        HeaderParameterGrammar.SkipWhitespace(s, ref pos);
        if (pos == afterTransport)
        {
            return false;
        }
        if (!UriGrammar.TryParseHostPort(s, ref pos, out var host, out var port))
        {
            // sent-by allows LWS around the colon
            return false;
        }
        var beforeColon = pos;
        HeaderParameterGrammar.SkipWhitespace(s, ref pos);
        if (port is null && pos < s.Length && s[pos] == ':')
        {
            pos++;
            HeaderParameterGrammar.SkipWhitespace(s, ref pos);
            var digits = pos;
            while (pos < s.Length && SipCharClass.IsDigit(s[pos]) && pos - digits < 5)
            {
                pos++;
            }
            if (pos == digits || !int.TryParse(s[digits..pos], out var p) || p > 65535)
            {
                return false;
            }
            port = p;
        }
        else
        {
            pos = beforeColon;
        }
        if (!HeaderParameterGrammar.TryParse(s, ref pos, stopAtComma: true, out var parameters))
        {
            return false;
        }
        via = new SipVia(Transport(transport), host, port, parameters, Protocol(name, version));
        return true;
    }

    private static bool TryToken(ReadOnlySpan<byte> s, ref int pos, out ReadOnlySpan<byte> token)
    {
        HeaderParameterGrammar.SkipWhitespace(s, ref pos);
        var start = pos;
        while (pos < s.Length && SipCharClass.IsToken(s[pos]))
        {
            pos++;
        }
        token = s[start..pos];
        return pos > start;
    }

    private static bool TrySlash(ReadOnlySpan<byte> s, ref int pos)
    {
        HeaderParameterGrammar.SkipWhitespace(s, ref pos);
        if (pos >= s.Length || s[pos] != '/')
        {
            return false;
        }
        pos++;
        return true;
    }

    private static string Protocol(ReadOnlySpan<byte> name, ReadOnlySpan<byte> version) =>
        name.SequenceEqual("SIP"u8) && version.SequenceEqual("2.0"u8) ? "SIP/2.0" : SpanText.Utf8(name) + "/" + SpanText.Utf8(version);

    private static string Transport(ReadOnlySpan<byte> t) => t switch
    {
        _ when t.SequenceEqual("UDP"u8) => "UDP",
        _ when t.SequenceEqual("TCP"u8) => "TCP",
        _ when t.SequenceEqual("TLS"u8) => "TLS",
        _ => SpanText.Utf8(t),
    };
}
