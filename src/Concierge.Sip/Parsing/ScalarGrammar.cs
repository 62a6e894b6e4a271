using Concierge.Sip.Headers;

namespace Concierge.Sip.Parsing;

/// <summary>Numeric and CSeq header values, with range checks (RFC 4475 §3.1.2.4).</summary>
internal static class ScalarGrammar
{
    /// <summary>1*DIGIT with optional surrounding whitespace, at most max.</summary>
    public static bool TryParseUnsigned(ReadOnlySpan<byte> s, ulong max, out ulong value)
    {
        value = 0;
        s = SipCharClass.TrimWhitespace(s);
        if (s.IsEmpty)
        {
            return false;
        }
        foreach (var b in s)
        {
            if (!SipCharClass.IsDigit(b))
            {
                return false;
            }
            value = value * 10 + (ulong)(b - '0');
            if (value > max)
            {
                return false;
            }
        }
        return true;
    }

    public static bool TryParseCSeq(ReadOnlySpan<byte> s, out SipCSeq cseq)
    {
        cseq = default;
        s = SipCharClass.TrimWhitespace(s);
        var i = 0;
        while (i < s.Length && SipCharClass.IsDigit(s[i]))
        {
            i++;
        }
        if (i == 0 || !TryParseUnsigned(s[..i], uint.MaxValue, out var number))
        {
            return false;
        }
        var method = SipCharClass.TrimWhitespace(s[i..]);
        if (i == s.Length || !SipCharClass.IsWhitespace(s[i]) || !SipCharClass.AllToken(method))
        {
            return false;
        }
        cseq = new SipCSeq((uint)number, Message.SipMethod.Intern(method));
        return true;
    }

    /// <summary>Call-ID: word ["@" word].</summary>
    public static bool IsValidCallId(ReadOnlySpan<byte> s)
    {
        s = SipCharClass.TrimWhitespace(s);
        if (s.IsEmpty)
        {
            return false;
        }
        var at = s.IndexOf((byte)'@');
        var left = at < 0 ? s : s[..at];
        var right = at < 0 ? [] : s[(at + 1)..];
        return IsWord(left) && (at < 0 || IsWord(right));
    }

    private static bool IsWord(ReadOnlySpan<byte> s)
    {
        if (s.IsEmpty)
        {
            return false;
        }
        foreach (var b in s)
        {
            if (!SipCharClass.Is(b, SipCharClass.Word))
            {
                return false;
            }
        }
        return true;
    }
}
