using Concierge.Csta.Messages;

namespace Concierge.Csta.Codec;

/// <summary>
/// Reads and writes the OSV "Private Data Presentation – V8" element that marks a device as a Unify Phone ONS and
/// names its OND: <c>privateData/private/osvV8</c> holding <c>&lt;ons&gt;…&lt;/ons&gt;&lt;ond&gt;…&lt;/ond&gt;</c>.
/// </summary>
/// <remarks>
/// ECMA-323 leaves the content of <c>privateData/private</c> to the switch vendor, and any message may carry it
/// (the <c>extensions</c> of services, responses and events). The OSV sends it, when the CSTA application has the V8
/// flag, on the MonitorStartResponse for the device (so the client knows what the device is before any call) and on
/// the call events of the device's monitor. The element layout is this project's model of that presentation and is
/// to be checked against a trace from a real OSV. Both numbers are device identifiers: an optional '+' and 1 to
/// <see cref="MaxDigits"/> digits; the ONS and the OND differ. Unknown children of the element are ignored (a newer
/// OSV may add some); anything else that is wrong rejects the element (the message itself is still read).
/// </remarks>
internal static class OsvV8PrivateData
{
    public const string ElementName = "osvV8";

    /// <summary>Most digits in an ONS or OND number (E.164 allows 15; private numbering plans a few more).</summary>
    public const int MaxDigits = 32;

    /// <summary>The pair in <paramref name="node"/>, or null and why the element is rejected.</summary>
    public static OnsOndPair? Read(XmlElementNode node, out string? rejection)
    {
        var ons = Single(node, "ons", out rejection);
        if (rejection is not null) return null;
        var ond = Single(node, "ond", out rejection);
        if (rejection is not null) return null;
        var pair = new OnsOndPair(ons!, ond!);
        rejection = Problem(pair);
        return rejection is null ? pair : null;
    }

    /// <summary>Writes the element; a pair that could not be read back is refused with a <see cref="CstaFormatException"/>.</summary>
    public static void Write(CstaXmlWriter writer, OnsOndPair pair)
    {
        if (Problem(pair) is { } problem) throw new CstaFormatException($"{ElementName} cannot be written: {problem}");
        writer.Start(ElementName);
        writer.Text("ons", pair.Ons);
        writer.Text("ond", pair.Ond);
        writer.End();
    }

    /// <summary>What is wrong with <paramref name="pair"/>, or null when it may be sent.</summary>
    public static string? Problem(OnsOndPair pair)
    {
        if (!IsDeviceNumber(pair.Ons)) return $"ons '{Shorten(pair.Ons)}' is not a device number";
        if (!IsDeviceNumber(pair.Ond)) return $"ond '{Shorten(pair.Ond)}' is not a device number";
        if (pair.Ons == pair.Ond) return $"ons and ond are the same number {pair.Ons}";
        return null;
    }

    /// <summary>An optional '+' and 1 to <see cref="MaxDigits"/> ASCII digits.</summary>
    public static bool IsDeviceNumber(string? text)
    {
        if (string.IsNullOrEmpty(text)) return false;
        var digits = text[0] == '+' ? text.AsSpan(1) : text.AsSpan();
        if (digits.Length is 0 or > MaxDigits) return false;
        foreach (var c in digits)
        {
            if (c is < '0' or > '9') return false;
        }
        return true;
    }

    private static string? Single(XmlElementNode node, string name, out string? rejection)
    {
        rejection = null;
        string? text = null;
        var count = 0;
        foreach (var child in node.ChildrenNamed(name))
        {
            if (++count > 1)
            {
                rejection = $"{ElementName} has more than one {name}";
                return null;
            }
            text = child.Text?.Trim();
        }
        if (count == 0) rejection = $"{ElementName} has no {name}";
        return text;
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";
}
