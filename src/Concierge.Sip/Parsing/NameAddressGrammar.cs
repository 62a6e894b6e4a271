using Concierge.Sip.Message;

namespace Concierge.Sip.Parsing;

/// <summary>RFC 3261 name-addr / addr-spec with generic parameters, singly or as a comma-separated list.</summary>
internal static class NameAddressGrammar
{
    public static bool TryParseSingle(ReadOnlySpan<byte> s, out NameAddress? value)
    {
        var pos = 0;
        if (!TryParse(s, ref pos, stopAtComma: false, out value))
        {
            return false;
        }
        HeaderParameterGrammar.SkipWhitespace(s, ref pos);
        return pos == s.Length;
    }

    public static bool TryParseList(ReadOnlySpan<byte> s, List<NameAddress> into)
    {
        var pos = 0;
        while (true)
        {
            if (!TryParse(s, ref pos, stopAtComma: true, out var value))
            {
                return false;
            }
            into.Add(value!);
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

    public static bool TryParse(ReadOnlySpan<byte> s, ref int pos, bool stopAtComma, out NameAddress? value)
    {
        value = null;
        HeaderParameterGrammar.SkipWhitespace(s, ref pos);
        if (pos >= s.Length)
        {
            return false;
        }
        string? displayName = null;
        SipUri? uri;
        if (s[pos] == '"')
        {
            var start = pos;
            if (!HeaderParameterGrammar.TrySkipQuoted(s, ref pos))
            {
                return false;
            }
            displayName = HeaderParameterGrammar.Unquote(s[(start + 1)..(pos - 1)]);
            HeaderParameterGrammar.SkipWhitespace(s, ref pos);
            if (pos >= s.Length || s[pos] != '<')
            {
                return false;
            }
        }
        else if (s[pos] != '<' && LooksLikeNameAddr(s[pos..], stopAtComma))
        {
            var start = pos;
            while (pos < s.Length && s[pos] != '<')
            {
                if (!SipCharClass.IsToken(s[pos]) && !SipCharClass.IsWhitespace(s[pos]))
                {
                    return false;
                }
                pos++;
            }
            displayName = SpanText.Utf8(SipCharClass.TrimWhitespace(s[start..pos]));
        }

        if (pos < s.Length && s[pos] == '<')
        {
            var close = s[pos..].IndexOf((byte)'>');
            if (close < 0 || !SipUri.TryParse(s[(pos + 1)..(pos + close)], out uri))
            {
                return false;
            }
            pos += close + 1;
        }
        else
        {
            var start = pos;
            while (pos < s.Length && s[pos] != ';' && !(stopAtComma && s[pos] == ',') && !SipCharClass.IsWhitespace(s[pos]))
            {
                pos++;
            }
            var spec = s[start..pos];
            if (spec.IndexOfAny((byte)'?', (byte)',') >= 0 || !SipUri.TryParse(spec, out uri))
            {
                return false;
            }
        }
        if (!HeaderParameterGrammar.TryParse(s, ref pos, stopAtComma, out var parameters))
        {
            return false;
        }
        value = new NameAddress(uri!, displayName, parameters);
        return true;
    }

    /// <summary>True when a '&lt;' follows (before a comma when in a list) outside quotes: the value has a display name.</summary>
    private static bool LooksLikeNameAddr(ReadOnlySpan<byte> s, bool stopAtComma)
    {
        foreach (var b in s)
        {
            if (b == '<')
            {
                return true;
            }
            if (b == '"' || (stopAtComma && b == ','))
            {
                return false;
            }
            if (b == ':' || b == ';')
            {
                return false;
            }
        }
        return false;
    }
}
