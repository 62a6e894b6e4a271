using System.Diagnostics.CodeAnalysis;

namespace Concierge.Config.Numbers;

/// <summary>A telephone number in international E.164 form: '+', a non-zero first digit, at most 15 digits in all.</summary>
public readonly record struct E164Number : IComparable<E164Number>
{
    /// <summary>The most digits an E.164 number may have (ITU-T E.164 section 6).</summary>
    public const int MaxDigits = 15;

    private readonly string? _digits;

    private E164Number(string digits) => _digits = digits;

    /// <summary>The digits after the '+'.</summary>
    public string Digits => _digits ?? "";

    /// <summary>How many digits the number has.</summary>
    public int Length => Digits.Length;

    /// <summary>The number written with its leading '+'.</summary>
    public override string ToString() => "+" + Digits;

    /// <summary>Parses "+" followed by 1–15 digits, the first not 0; no spaces or separators.</summary>
    public static bool TryParse(string? text, out E164Number number)
    {
        number = default;
        if (Reject(text) is not null)
        {
            return false;
        }
        number = new E164Number(text![1..]);
        return true;
    }

    /// <summary>Parses like <see cref="TryParse"/>; throws <see cref="FormatException"/> naming the reason.</summary>
    public static E164Number Parse(string text)
    {
        var reason = Reject(text);
        if (reason is not null)
        {
            throw new FormatException($"\"{text}\" {reason}");
        }
        return new E164Number(text[1..]);
    }

    /// <summary>Why <paramref name="text"/> is not an E.164 number, or null when it is one.</summary>
    public static string? Reject([NotNullWhen(false)] string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "is not an E.164 number (empty)";
        }
        if (text[0] != '+')
        {
            return "is not an E.164 number with '+'";
        }
        var digits = text.AsSpan(1);
        if (digits.Length == 0)
        {
            return "is not an E.164 number (no digits after '+')";
        }
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return "is not an E.164 number (only digits may follow '+')";
            }
        }
        if (digits[0] == '0')
        {
            return "is not an E.164 number (a country code never starts with 0)";
        }
        if (digits.Length > MaxDigits)
        {
            return $"is not an E.164 number (more than {MaxDigits} digits)";
        }
        return null;
    }

    /// <summary>The number <paramref name="offset"/> places further on, keeping the length; null if it would overflow.</summary>
    public E164Number? Offset(long offset)
    {
        var value = NumericValue + offset;
        if (value < 0)
        {
            return null;
        }
        var text = value.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(Length, '0');
        return text.Length == Length && text[0] != '0' ? new E164Number(text) : null;
    }

    /// <summary>The digits read as an integer (15 digits always fit in a long).</summary>
    public long NumericValue => Digits.Length == 0 ? 0 : long.Parse(Digits, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The last <paramref name="count"/> digits (the short alias topologies use, e.g. "7580").</summary>
    public string LastDigits(int count) => Digits.Length <= count ? Digits : Digits[^count..];

    /// <inheritdoc />
    public int CompareTo(E164Number other)
    {
        var byLength = Length.CompareTo(other.Length);
        return byLength != 0 ? byLength : string.CompareOrdinal(Digits, other.Digits);
    }
}
