using System.Text;
using Concierge.Sip.Message;
using Concierge.Sip.Parsing;

namespace Concierge.Sip.Headers;

/// <summary>A media type as in Content-Type and Accept: `type/subtype;params` (type and subtype lower-cased).</summary>
public sealed class SipMediaType : IEquatable<SipMediaType>
{
    /// <summary>application/sdp.</summary>
    public static SipMediaType Sdp { get; } = new("application", "sdp");

    /// <summary>Creates a media type.</summary>
    public SipMediaType(string type, string subtype, SipParameters? parameters = null)
    {
        Type = type.ToLowerInvariant();
        Subtype = subtype.ToLowerInvariant();
        Parameters = parameters ?? SipParameters.Empty;
    }

    /// <summary>Top-level type, e.g. "application".</summary>
    public string Type { get; }

    /// <summary>Subtype, e.g. "sdp".</summary>
    public string Subtype { get; }

    /// <summary>Parameters such as charset or boundary.</summary>
    public SipParameters Parameters { get; }

    /// <summary>`type/subtype` without parameters.</summary>
    public string MediaType => Type + "/" + Subtype;

    /// <summary>True when type and subtype match (case-insensitive; `*` matches anything).</summary>
    public bool Matches(string type, string subtype) =>
        (Type == "*" || type == "*" || string.Equals(Type, type, StringComparison.OrdinalIgnoreCase))
        && (Subtype == "*" || subtype == "*" || string.Equals(Subtype, subtype, StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses `type/subtype;params`; false (no exception) when malformed.</summary>
    public static bool TryParse(string? text, out SipMediaType? value)
    {
        value = null;
        return text is not null && TryParse(SpanText.Bytes(text), out value);
    }

    internal static bool TryParse(ReadOnlySpan<byte> s, out SipMediaType? value)
    {
        value = null;
        var pos = 0;
        HeaderParameterGrammar.SkipWhitespace(s, ref pos);
        var start = pos;
        while (pos < s.Length && SipCharClass.IsToken(s[pos]))
        {
            pos++;
        }
        var type = s[start..pos];
        HeaderParameterGrammar.SkipWhitespace(s, ref pos);
        if (type.IsEmpty || pos >= s.Length || s[pos] != '/')
        {
            return false;
        }
        pos++;
        HeaderParameterGrammar.SkipWhitespace(s, ref pos);
        start = pos;
        while (pos < s.Length && SipCharClass.IsToken(s[pos]))
        {
            pos++;
        }
        var subtype = s[start..pos];
        if (subtype.IsEmpty || !HeaderParameterGrammar.TryParse(s, ref pos, stopAtComma: false, out var parameters))
        {
            return false;
        }
        value = type.SequenceEqual("application"u8) && subtype.SequenceEqual("sdp"u8) && parameters.Count == 0
            ? Sdp
            : new SipMediaType(SpanText.Utf8(type), SpanText.Utf8(subtype), parameters);
        return true;
    }

    /// <summary>`type/subtype;params`.</summary>
    public override string ToString()
    {
        var b = new StringBuilder();
        b.Append(Type).Append('/').Append(Subtype);
        Parameters.AppendTo(b);
        return b.ToString();
    }

    /// <inheritdoc />
    public bool Equals(SipMediaType? other) =>
        other is not null && Type == other.Type && Subtype == other.Subtype && Parameters.Equals(other.Parameters);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SipMediaType);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Type, Subtype, Parameters);
}
