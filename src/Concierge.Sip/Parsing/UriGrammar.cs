using Concierge.Sip.Message;

namespace Concierge.Sip.Parsing;

/// <summary>RFC 3261 §25 SIP-URI / absoluteURI and RFC 3966 tel grammar over bytes.</summary>
internal static class UriGrammar
{
    public static bool TryParse(ReadOnlySpan<byte> s, out SipUri? uri)
    {
        uri = null;
        var colon = s.IndexOf((byte)':');
        if (colon <= 0 || !SipCharClass.Is(s[0], SipCharClass.Alpha))
        {
            return false;
        }
        var schemeBytes = s[..colon];
        foreach (var b in schemeBytes)
        {
            if (!SipCharClass.Is(b, SipCharClass.SchemeChar))
            {
                return false;
            }
        }
        var rest = s[(colon + 1)..];
        string scheme = SchemeName(schemeBytes);
        return scheme switch
        {
            "sip" or "sips" => TryParseSip(scheme, rest, out uri),
            "tel" => TryParseTel(rest, out uri),
            _ => TryParseOpaque(scheme, rest, out uri),
        };
    }

    private static string SchemeName(ReadOnlySpan<byte> s)
    {
        if (s.Length == 3 && (s[0] | 0x20) == 's' && (s[1] | 0x20) == 'i' && (s[2] | 0x20) == 'p')
        {
            return "sip";
        }
        if (s.Length == 4 && (s[0] | 0x20) == 's' && (s[1] | 0x20) == 'i' && (s[2] | 0x20) == 'p' && (s[3] | 0x20) == 's')
        {
            return "sips";
        }
        if (s.Length == 3 && (s[0] | 0x20) == 't' && (s[1] | 0x20) == 'e' && (s[2] | 0x20) == 'l')
        {
            return "tel";
        }
        return SpanText.Utf8(s).ToLowerInvariant();
    }

    private static bool TryParseOpaque(string scheme, ReadOnlySpan<byte> rest, out SipUri? uri)
    {
        uri = null;
        if (rest.IsEmpty)
        {
            return false;
        }
        foreach (var b in rest)
        {
            if (!SipCharClass.Is(b, SipCharClass.UriChar))
            {
                return false;
            }
        }
        uri = SipUri.CreateOpaque(scheme, SpanText.Utf8(rest));
        return true;
    }

    private static bool TryParseTel(ReadOnlySpan<byte> rest, out SipUri? uri)
    {
        uri = null;
        var semi = rest.IndexOf((byte)';');
        var number = semi < 0 ? rest : rest[..semi];
        if (number.IsEmpty || !AllOf(number, SipCharClass.Unreserved | SipCharClass.ParamExtra, allowEscape: true)
            || !SpanText.TryUnescape(number, out var numberText))
        {
            return false;
        }
        SipParameters parameters = SipParameters.Empty;
        if (semi >= 0 && !TryParseUriParameters(rest[semi..], out parameters))
        {
            return false;
        }
        uri = new SipUri("tel", numberText, string.Empty, null, parameters);
        return true;
    }

    private static bool TryParseSip(string scheme, ReadOnlySpan<byte> rest, out SipUri? uri)
    {
        uri = null;
        string? user = null, password = null;
        var at = rest.IndexOf((byte)'@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            var colon = userInfo.IndexOf((byte)':');
            var userBytes = colon >= 0 ? userInfo[..colon] : userInfo;
            if (userBytes.IsEmpty || !AllOf(userBytes, SipCharClass.Unreserved | SipCharClass.UserExtra, allowEscape: true)
                || !SpanText.TryUnescape(userBytes, out var userText))
            {
                return false;
            }
            user = userText;
            if (colon >= 0)
            {
                var pw = userInfo[(colon + 1)..];
                if (!AllOf(pw, SipCharClass.Unreserved | SipCharClass.PasswordExtra, allowEscape: true)
                    || !SpanText.TryUnescape(pw, out var pwText))
                {
                    return false;
                }
                password = pwText;
            }
            rest = rest[(at + 1)..];
        }
        var pos = 0;
        if (!TryParseHostPort(rest, ref pos, out var host, out var port))
        {
            return false;
        }
        var parameters = SipParameters.Empty;
        var headers = SipParameters.Empty;
        var query = rest[pos..].IndexOf((byte)'?');
        var paramBytes = query < 0 ? rest[pos..] : rest[pos..(pos + query)];
        if (!paramBytes.IsEmpty && !TryParseUriParameters(paramBytes, out parameters))
        {
            return false;
        }
        if (query >= 0 && !TryParseUriHeaders(rest[(pos + query + 1)..], out headers))
        {
            return false;
        }
        uri = new SipUri(scheme, user, host, port, parameters, headers, password);
        return true;
    }

    /// <summary>Parses host[:port] starting at pos; stops at the first byte that is not part of it.</summary>
    public static bool TryParseHostPort(ReadOnlySpan<byte> s, ref int pos, out string host, out int? port)
    {
        host = string.Empty;
        port = null;
        var start = pos;
        if (pos < s.Length && s[pos] == '[')
        {
            var close = s[pos..].IndexOf((byte)']');
            if (close < 3)
            {
                return false;
            }
            foreach (var b in s[(pos + 1)..(pos + close)])
            {
                if (!SipCharClass.IsHex(b) && b != ':' && b != '.')
                {
                    return false;
                }
            }
            pos += close + 1;
        }
        else
        {
            while (pos < s.Length && SipCharClass.Is(s[pos], SipCharClass.HostChar))
            {
                pos++;
            }
            if (pos == start || s[pos - 1] == '-' || s[start] == '-' || s[start] == '.')
            {
                return false;
            }
        }
        host = HostText(s[start..pos]);
        if (pos < s.Length && s[pos] == ':')
        {
            pos++;
            var digitsStart = pos;
            var value = 0;
            while (pos < s.Length && SipCharClass.IsDigit(s[pos]) && pos - digitsStart < 5)
            {
                value = value * 10 + (s[pos] - '0');
                pos++;
            }
            if (pos == digitsStart || value > 65535 || (pos < s.Length && SipCharClass.IsDigit(s[pos])))
            {
                return false;
            }
            port = value;
        }
        return true;
    }

    private static string HostText(ReadOnlySpan<byte> s) => SpanText.Utf8(s);

    private static bool TryParseUriParameters(ReadOnlySpan<byte> s, out SipParameters parameters)
    {
        parameters = SipParameters.Empty;
        var list = ParameterScratch.Rent();
        while (!s.IsEmpty)
        {
            if (s[0] != ';')
            {
                ParameterScratch.Return(list);
                return false;
            }
            s = s[1..];
            var end = s.IndexOf((byte)';');
            var item = end < 0 ? s : s[..end];
            s = end < 0 ? [] : s[end..];
            var eq = item.IndexOf((byte)'=');
            var nameBytes = eq < 0 ? item : item[..eq];
            const ushort paramChars = SipCharClass.Unreserved | SipCharClass.ParamExtra;
            if (nameBytes.IsEmpty || !AllOf(nameBytes, paramChars, allowEscape: true) || !TryText(nameBytes, out var name))
            {
                ParameterScratch.Return(list);
                return false;
            }
            string? value = null;
            if (eq >= 0)
            {
                var valueBytes = item[(eq + 1)..];
                if (valueBytes.IsEmpty || !AllOf(valueBytes, paramChars, allowEscape: true) || !TryText(valueBytes, out var v))
                {
                    ParameterScratch.Return(list);
                    return false;
                }
                value = v;
            }
            list.Add(new SipParameter(name, value));
        }
        parameters = ParameterScratch.ToParametersAndReturn(list);
        return true;
    }

    private static bool TryText(ReadOnlySpan<byte> s, out string text)
    {
        if (s.IndexOf((byte)'%') < 0)
        {
            text = CommonText.Get(s);
            return true;
        }
        return SpanText.TryUnescape(s, out text);
    }

    private static bool TryParseUriHeaders(ReadOnlySpan<byte> s, out SipParameters headers)
    {
        headers = SipParameters.Empty;
        var list = new List<SipParameter>();
        const ushort chars = SipCharClass.Unreserved | SipCharClass.HeaderExtra;
        while (true)
        {
            var end = s.IndexOf((byte)'&');
            var item = end < 0 ? s : s[..end];
            var eq = item.IndexOf((byte)'=');
            if (eq <= 0 || !AllOf(item[..eq], chars, true) || !AllOf(item[(eq + 1)..], chars, true)
                || !SpanText.TryUnescape(item[..eq], out var name) || !SpanText.TryUnescape(item[(eq + 1)..], out var value))
            {
                return false;
            }
            list.Add(new SipParameter(name, value));
            if (end < 0)
            {
                break;
            }
            s = s[(end + 1)..];
        }
        headers = SipParameters.FromList(list);
        return true;
    }

    private static bool AllOf(ReadOnlySpan<byte> s, ushort allowed, bool allowEscape)
    {
        foreach (var b in s)
        {
            if (!(SipCharClass.Is(b, allowed) || (allowEscape && b == '%')))
            {
                return false;
            }
        }
        return true;
    }
}
