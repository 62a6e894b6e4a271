using System.Text;

namespace Concierge.Sip.Parsing;

/// <summary>Turns byte spans of a SIP message into strings (UTF-8), decoding %HH escapes where the grammar allows them.</summary>
internal static class SpanText
{
    public static string Utf8(ReadOnlySpan<byte> s) => s.IsEmpty ? string.Empty : Encoding.UTF8.GetString(s);

    /// <summary>Decodes %HH escapes; false when an escape is malformed.</summary>
    public static bool TryUnescape(ReadOnlySpan<byte> s, out string text)
    {
        if (s.IndexOf((byte)'%') < 0)
        {
            text = Utf8(s);
            return true;
        }
        Span<byte> buffer = s.Length <= 512 ? stackalloc byte[s.Length] : new byte[s.Length];
        var n = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '%')
            {
                if (i + 2 >= s.Length || !SipCharClass.IsHex(s[i + 1]) || !SipCharClass.IsHex(s[i + 2]))
                {
                    text = string.Empty;
                    return false;
                }
                buffer[n++] = (byte)(SipCharClass.HexValue(s[i + 1]) * 16 + SipCharClass.HexValue(s[i + 2]));
                i += 2;
            }
            else
            {
                buffer[n++] = s[i];
            }
        }
        text = Encoding.UTF8.GetString(buffer[..n]);
        return true;
    }

    /// <summary>Appends text, escaping as %HH every UTF-8 byte not in the allowed class.</summary>
    public static void AppendEscaped(StringBuilder builder, string text, ushort allowed)
    {
        foreach (var c in text)
        {
            if (c < 128 && SipCharClass.Is((byte)c, allowed))
            {
                continue;
            }
            AppendEscapedSlow(builder, text, allowed);
            return;
        }
        builder.Append(text);
    }

    private static void AppendEscapedSlow(StringBuilder builder, string text, ushort allowed)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        foreach (var b in bytes)
        {
            if (b < 128 && SipCharClass.Is(b, allowed))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append("0123456789ABCDEF"[b >> 4]).Append("0123456789ABCDEF"[b & 15]);
            }
        }
    }

    /// <summary>UTF-8 bytes of a string (for parsing values that were set as text).</summary>
    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
