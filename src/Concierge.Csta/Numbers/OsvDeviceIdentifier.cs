using System.Text;

namespace Concierge.Csta.Numbers;

/// <summary>
/// A device identifier in the form OpenScape Voice sends: <c>N&lt;digits&gt;</c>, an optional name right after the
/// closing bracket (a line appearance such as <c>Line71001</c>), then <c>;key=value</c> parameters such as
/// <c>noa=international</c>, <c>displayNumber=…</c>, <c>uid=…</c>. The digits carry no '+' unless the switch put one
/// there; <see cref="NatureOfAddress"/> says how to read them.
/// </summary>
/// <remarks>
/// Grammar: <c>"N&lt;" number "&gt;" [name] *(";" key "=" value)</c>; number = ['+'] 1*32 (digit | '*' | '#');
/// name = 1* of any visible character except ';' '&lt;' '&gt;'; key = letter *(letter | digit | '-' | '_');
/// value = * of any visible character except ';'. Keys are unique (compared ignoring case). At most
/// <see cref="MaxLength"/> characters.
/// </remarks>
public sealed record OsvDeviceIdentifier(string Number, string? Name, ValueList<KeyValuePair<string, string>> Parameters)
{
    /// <summary>Longest identifier read.</summary>
    public const int MaxLength = 512;

    /// <summary>Most characters between the brackets.</summary>
    public const int MaxNumberLength = 32;

    /// <summary>The value of parameter <paramref name="key"/> (ignoring case), or null.</summary>
    public string? Parameter(string key)
    {
        foreach (var pair in Parameters)
        {
            if (string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase)) return pair.Value;
        }
        return null;
    }

    /// <summary>The noa parameter as written, or null.</summary>
    public string? Noa => Parameter("noa");

    /// <summary>What <see cref="Noa"/> means; anything not recognised counts as unknown.</summary>
    public NatureOfAddress NatureOfAddress => Noa?.ToLowerInvariant() switch
    {
        "international" or "intl" => NatureOfAddress.International,
        "national" => NatureOfAddress.National,
        "subscriber" or "local" => NatureOfAddress.Subscriber,
        _ => NatureOfAddress.Unknown,
    };

    /// <summary>The displayNumber parameter, or null.</summary>
    public string? DisplayNumber => Parameter("displayNumber");

    /// <summary>True when <paramref name="text"/> looks like this form (starts with "N&lt;"); it may still be malformed.</summary>
    public static bool LooksLikeOne(string? text) => text is not null && text.StartsWith("N<", StringComparison.Ordinal);

    /// <summary>Reads an identifier; false and why not when <paramref name="text"/> does not follow the grammar.</summary>
    public static bool TryParse(string? text, out OsvDeviceIdentifier identifier, out string error)
    {
        identifier = null!;
        if (string.IsNullOrEmpty(text)) return Fail("empty device identifier", out error);
        if (text.Length > MaxLength) return Fail($"device identifier of {text.Length} characters is longer than {MaxLength}", out error);
        if (!text.StartsWith("N<", StringComparison.Ordinal)) return Fail($"'{Shorten(text)}' does not start with 'N<'", out error);
        var close = text.IndexOf('>', 2);
        if (close < 0) return Fail($"'{Shorten(text)}' has no '>' after the number", out error);
        var number = text[2..close];
        if (NumberProblem(number) is { } bad) return Fail($"'{Shorten(text)}': {bad}", out error);
        var rest = text.AsSpan(close + 1);
        var semicolon = rest.IndexOf(';');
        var nameSpan = semicolon < 0 ? rest : rest[..semicolon];
        string? name = null;
        if (nameSpan.Length > 0)
        {
            name = nameSpan.ToString();
            if (NameProblem(name) is { } badName) return Fail($"'{Shorten(text)}': {badName}", out error);
        }
        var parameters = new List<KeyValuePair<string, string>>();
        if (semicolon >= 0)
        {
            foreach (var part in rest[(semicolon + 1)..].ToString().Split(';'))
            {
                var equals = part.IndexOf('=');
                if (equals < 0) return Fail($"'{Shorten(text)}': parameter '{Shorten(part)}' has no '='", out error);
                var key = part[..equals];
                var value = part[(equals + 1)..];
                if (KeyProblem(key) is { } badKey) return Fail($"'{Shorten(text)}': {badKey}", out error);
                if (ValueProblem(value) is { } badValue) return Fail($"'{Shorten(text)}': parameter {key}: {badValue}", out error);
                if (parameters.Exists(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)))
                    return Fail($"'{Shorten(text)}': parameter {key} is given twice", out error);
                parameters.Add(new(key, value));
            }
        }
        identifier = new OsvDeviceIdentifier(number, name, parameters.Count == 0 ? ValueList<KeyValuePair<string, string>>.Empty : new(parameters));
        error = "";
        return true;
    }

    /// <summary>An identifier with only a noa parameter (the usual form for a number).</summary>
    public static OsvDeviceIdentifier WithNoa(string number, string noa) =>
        new(number, null, ValueList.Of(new KeyValuePair<string, string>("noa", noa)));

    /// <summary>What makes this identifier unwritable, or null.</summary>
    public string? Problem()
    {
        if (NumberProblem(Number) is { } bad) return bad;
        if (Name is not null && NameProblem(Name) is { } badName) return badName;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in Parameters)
        {
            if (KeyProblem(key) is { } badKey) return badKey;
            if (ValueProblem(value) is { } badValue) return $"parameter {key}: {badValue}";
            if (!seen.Add(key)) return $"parameter {key} is given twice";
        }
        return null;
    }

    /// <summary>The identifier as written on the link (throws when <see cref="Problem"/> is not null).</summary>
    public override string ToString()
    {
        if (Problem() is { } problem) throw new InvalidOperationException($"device identifier cannot be written: {problem}");
        var text = new StringBuilder("N<").Append(Number).Append('>').Append(Name);
        foreach (var (key, value) in Parameters) text.Append(';').Append(key).Append('=').Append(value);
        return text.ToString();
    }

    private static string? NumberProblem(string number)
    {
        var digits = number.StartsWith('+') ? number.AsSpan(1) : number.AsSpan();
        if (digits.Length == 0) return "no digits between 'N<' and '>'";
        if (number.Length > MaxNumberLength) return $"number of {number.Length} characters is longer than {MaxNumberLength}";
        foreach (var c in digits)
        {
            if (c is not ((>= '0' and <= '9') or '*' or '#')) return $"number '{number}' has the character '{c}'";
        }
        return null;
    }

    private static string? NameProblem(string name)
    {
        foreach (var c in name)
        {
            if (c is ';' or '<' or '>' || !IsVisible(c)) return $"name '{Shorten(name)}' has the character '{Printable(c)}'";
        }
        return null;
    }

    private static string? KeyProblem(string key)
    {
        if (key.Length == 0) return "a parameter has no name";
        if (!char.IsAsciiLetter(key[0])) return $"parameter name '{Shorten(key)}' does not start with a letter";
        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return $"parameter name '{Shorten(key)}' has the character '{Printable(c)}'";
        }
        return null;
    }

    private static string? ValueProblem(string value)
    {
        foreach (var c in value)
        {
            if (c == ';' || !IsVisible(c)) return $"value has the character '{Printable(c)}'";
        }
        return null;
    }

    private static bool IsVisible(char c) => c > ' ' && c != '\u007f' && !char.IsControl(c) && !char.IsWhiteSpace(c) && !char.IsSurrogate(c);

    private static string Printable(char c) => IsVisible(c) ? c.ToString() : $"U+{(int)c:X4}";

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    private static bool Fail(string reason, out string error)
    {
        error = reason;
        return false;
    }
}
