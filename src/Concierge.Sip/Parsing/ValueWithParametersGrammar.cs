using Concierge.Sip.Message;

namespace Concierge.Sip.Parsing;

/// <summary>Header values of the form `leading *(; param)` (Session-Expires, Event, Subscription-State, Replaces, X-Siemens-CDR).</summary>
internal static class ValueWithParametersGrammar
{
    /// <summary>Splits at the first ';' (outside quotes); the leading part is trimmed and must match isValid.</summary>
    public static bool TryParse(string? text, Func<string, bool> isValid, out string leading, out SipParameters parameters)
    {
        leading = string.Empty;
        parameters = SipParameters.Empty;
        if (text is null)
        {
            return false;
        }
        var bytes = SpanText.Bytes(text);
        var semi = Array.IndexOf(bytes, (byte)';');
        var head = SipCharClass.TrimWhitespace(semi < 0 ? bytes : bytes.AsSpan(0, semi));
        leading = SpanText.Utf8(head);
        if (!isValid(leading))
        {
            return false;
        }
        var pos = semi < 0 ? bytes.Length : semi;
        return HeaderParameterGrammar.TryParse(bytes, ref pos, stopAtComma: false, out parameters) && pos == bytes.Length;
    }

    public static bool IsToken(string s) => SipCharClass.AllToken(s.AsSpan());

    public static bool IsDigits(string s) => s.Length is > 0 and <= 10 && s.All(char.IsAsciiDigit);

    public static bool IsCallId(string s) => ScalarGrammar.IsValidCallId(SpanText.Bytes(s));

    /// <summary>True when a string is a token and can be written without quotes.</summary>
    public static string QuoteIfNeeded(string value) =>
        IsToken(value) ? value : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>Removes surrounding quotes and resolves quoted-pairs.</summary>
    public static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"'
            ? HeaderParameterGrammar.Unquote(SpanText.Bytes(value[1..^1]))
            : value;
}
