using System.Text;
using Concierge.Sip.Parsing;

namespace Concierge.Sip.Message;

/// <summary>A name-addr or addr-spec with header parameters, as in From, To, Contact, Route, Refer-To, P-Asserted-Identity.</summary>
public sealed class NameAddress : IEquatable<NameAddress>
{
    private string? _text; // rendered once: the value is immutable

    /// <summary>Creates a name-addr.</summary>
    public NameAddress(SipUri uri, string? displayName = null, SipParameters? parameters = null)
    {
        Uri = uri;
        DisplayName = string.IsNullOrEmpty(displayName) ? null : displayName;
        Parameters = parameters ?? SipParameters.Empty;
    }

    /// <summary>The display name, unquoted and unescaped; null when absent.</summary>
    public string? DisplayName { get; }

    /// <summary>The address.</summary>
    public SipUri Uri { get; }

    /// <summary>Header parameters after the address (tag, expires, q, ...).</summary>
    public SipParameters Parameters { get; }

    /// <summary>The tag parameter (From/To).</summary>
    public string? Tag => Parameters["tag"];

    /// <summary>A copy with the tag set.</summary>
    public NameAddress WithTag(string tag) => WithParameter("tag", tag);

    /// <summary>A copy with a header parameter set.</summary>
    public NameAddress WithParameter(string name, string? value) => new(Uri, DisplayName, Parameters.With(name, value));

    /// <summary>A copy with another URI.</summary>
    public NameAddress WithUri(SipUri uri) => new(uri, DisplayName, Parameters);

    /// <summary>A copy with another display name.</summary>
    public NameAddress WithDisplayName(string? displayName) => new(Uri, displayName, Parameters);

    /// <summary>Parses one name-addr/addr-spec with parameters; false (no exception) when malformed.</summary>
    public static bool TryParse(string? text, out NameAddress? value)
    {
        value = null;
        return text is not null && NameAddressGrammar.TryParseSingle(SpanText.Bytes(text), out value);
    }

    /// <summary>Parses a value the caller knows is well formed; throws FormatException otherwise.</summary>
    public static NameAddress Parse(string text) =>
        TryParse(text, out var value) ? value! : throw new FormatException("Not a valid name-addr: " + text);

    /// <summary>Always the `"Display" &lt;uri&gt;;params` form.</summary>
    public override string ToString() => _text ??= Render();

    private string Render()
    {
        var b = TextBuilderCache.Acquire();
        if (DisplayName is not null)
        {
            b.Append('"');
            foreach (var c in DisplayName)
            {
                if (c is '"' or '\\')
                {
                    b.Append('\\');
                }
                b.Append(c);
            }
            b.Append("\" ");
        }
        b.Append('<');
        Uri.AppendTo(b);
        b.Append('>');
        Parameters.AppendTo(b);
        return TextBuilderCache.Release(b);
    }

    /// <inheritdoc />
    public bool Equals(NameAddress? other) =>
        other is not null && string.Equals(DisplayName, other.DisplayName, StringComparison.Ordinal)
        && Uri.Equals(other.Uri) && Parameters.Equals(other.Parameters);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as NameAddress);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(DisplayName, Uri, Parameters);
}
