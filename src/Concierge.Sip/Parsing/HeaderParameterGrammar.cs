using Concierge.Sip.Message;

namespace Concierge.Sip.Parsing;

/// <summary>Generic header parameters `*(SEMI name [EQUAL token / host / quoted-string])` with LWS, and quoted strings.</summary>
internal static class HeaderParameterGrammar
{
    public static void SkipWhitespace(ReadOnlySpan<byte> s, ref int pos)
    {
        while (pos < s.Length && SipCharClass.IsWhitespace(s[pos]))
        {
            pos++;
        }
    }

    /// <summary>Parses parameters until the end, a comma (when stopAtComma) or an unexpected byte (which fails).</summary>
    public static bool TryParse(ReadOnlySpan<byte> s, ref int pos, bool stopAtComma, out SipParameters parameters)
    {
        parameters = SipParameters.Empty;
        var list = ParameterScratch.Rent();
        while (true)
        {
            SkipWhitespace(s, ref pos);
            if (pos >= s.Length || (stopAtComma && s[pos] == ','))
            {
                break;
            }
            if (s[pos] != ';')
            {
                ParameterScratch.Return(list);
                return false;
            }
            pos++;
            SkipWhitespace(s, ref pos);
            var nameStart = pos;
            while (pos < s.Length && SipCharClass.IsToken(s[pos]))
            {
                pos++;
            }
            if (pos == nameStart)
            {
                ParameterScratch.Return(list);
                return false;
            }
            var name = CommonText.Get(s[nameStart..pos]);
            string? value = null;
            var afterName = pos;
            SkipWhitespace(s, ref pos);
            if (pos < s.Length && s[pos] == '=')
            {
                pos++;
                SkipWhitespace(s, ref pos);
                if (!TryParseValue(s, ref pos, out value))
                {
                    ParameterScratch.Return(list);
                    return false;
                }
            }
            else
            {
                pos = afterName;
            }
            list.Add(new SipParameter(name, value));
        }
        parameters = ParameterScratch.ToParametersAndReturn(list);
        return true;
    }

    private static bool TryParseValue(ReadOnlySpan<byte> s, ref int pos, out string? value)
    {
        value = null;
        var start = pos;
        if (pos < s.Length && s[pos] == '"')
        {
            if (!TrySkipQuoted(s, ref pos))
            {
                return false;
            }
            value = SpanText.Utf8(s[start..pos]);
            return true;
        }
        if (pos < s.Length && s[pos] == '[')
        {
            var close = s[pos..].IndexOf((byte)']');
            if (close < 0)
            {
                return false;
            }
            pos += close + 1;
            value = SpanText.Utf8(s[start..pos]);
            return true;
        }
        while (pos < s.Length && (SipCharClass.IsToken(s[pos]) || s[pos] == ':'))
        {
            pos++;
        }
        if (pos == start)
        {
            return false;
        }
        value = CommonText.Get(s[start..pos]);
        return true;
    }

    /// <summary>Skips a quoted string starting at the opening quote; false if it is unterminated.</summary>
    public static bool TrySkipQuoted(ReadOnlySpan<byte> s, ref int pos)
    {
        pos++;
        while (pos < s.Length)
        {
            var b = s[pos];
            if (b == '\\')
            {
                if (pos + 1 >= s.Length || s[pos + 1] == '\r' || s[pos + 1] == '\n')
                {
                    return false;
                }
                pos += 2;
                continue;
            }
            if (b == '"')
            {
                pos++;
                return true;
            }
            if (b == '\r' || b == '\n')
            {
                return false;
            }
            pos++;
        }
        return false;
    }

    /// <summary>Content of a quoted string (between the quotes) with quoted-pairs resolved.</summary>
    public static string Unquote(ReadOnlySpan<byte> inner)
    {
        if (inner.IndexOf((byte)'\\') < 0)
        {
            return SpanText.Utf8(inner);
        }
        var buffer = new byte[inner.Length];
        var n = 0;
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\\' && i + 1 < inner.Length)
            {
                i++;
            }
            buffer[n++] = inner[i];
        }
        return SpanText.Utf8(buffer.AsSpan(0, n));
    }
}
