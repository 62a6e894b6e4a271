namespace Concierge.Sip.Parsing;

/// <summary>RFC 3261 §25 character classes as a 256-entry table over bytes.</summary>
internal static class SipCharClass
{
    public const ushort Alpha = 1, Digit = 2, Token = 4, Unreserved = 8, UserExtra = 16, PasswordExtra = 32,
        ParamExtra = 64, HeaderExtra = 128, Word = 256, HostChar = 512, SchemeChar = 1024, UriChar = 2048;

    private static readonly ushort[] Table = Build();

    private static ushort[] Build()
    {
        var t = new ushort[256];
        for (var c = 'a'; c <= 'z'; c++) { t[c] |= Alpha; t[char.ToUpperInvariant(c)] |= Alpha; }
        for (var c = '0'; c <= '9'; c++) { t[c] |= Digit; }
        for (var i = 0; i < 256; i++)
        {
            if ((t[i] & (Alpha | Digit)) != 0)
            {
                t[i] |= Token | Unreserved | Word | HostChar | SchemeChar | UriChar;
            }
        }
        Mark("-.!%*_+`'~", Token);
        Mark("-.!%*_+`'~()<>:\\\"/[]?{}", Word);
        Mark("-_.!~*'()", Unreserved);
        Mark("&=+$,;?/", UserExtra);
        Mark("&=+$,", PasswordExtra);
        Mark("[]/:&+$", ParamExtra);
        Mark("[]/?:+$", HeaderExtra);
        Mark("-.", HostChar);
        Mark("+-.", SchemeChar);
        Mark("-_.!~*'()&=+$,;?/:@%[]#", UriChar);
        return t;

        void Mark(string chars, ushort flag)
        {
            foreach (var c in chars)
            {
                t[c] |= flag;
            }
        }
    }

    public static bool Is(byte b, ushort flag) => (Table[b] & flag) != 0;

    public static bool IsToken(byte b) => (Table[b] & Token) != 0;

    public static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    public static bool IsWhitespace(byte b) => b == ' ' || b == '\t';

    public static bool IsHex(byte b) => IsDigit(b) || (uint)((b | 0x20) - 'a') <= 5;

    public static int HexValue(byte b) => IsDigit(b) ? b - '0' : (b | 0x20) - 'a' + 10;

    public static bool AllToken(ReadOnlySpan<byte> s)
    {
        if (s.IsEmpty)
        {
            return false;
        }
        foreach (var b in s)
        {
            if (!IsToken(b))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>True when every character of <paramref name="s"/> is an ASCII token character (and there is one).</summary>
    public static bool AllToken(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
        {
            return false;
        }
        foreach (var c in s)
        {
            if (c > 127 || !IsToken((byte)c))
            {
                return false;
            }
        }
        return true;
    }

    public static ReadOnlySpan<byte> TrimWhitespace(ReadOnlySpan<byte> s)
    {
        var start = 0;
        while (start < s.Length && IsWhitespace(s[start]))
        {
            start++;
        }
        var end = s.Length;
        while (end > start && IsWhitespace(s[end - 1]))
        {
            end--;
        }
        return s[start..end];
    }
}
