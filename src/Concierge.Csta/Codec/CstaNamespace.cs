namespace Concierge.Csta.Codec;

/// <summary>The XML namespaces of ECMA-323 CSTA XML (and ECMA-354 application sessions).</summary>
public static class CstaNamespace
{
    /// <summary>Edition 3, written by default.</summary>
    public const string Edition3 = "http://www.ecma-international.org/standards/ecma-323/csta/ed3";

    /// <summary>Edition 4, the one OpenScape Voice speaks.</summary>
    public const string Edition4 = "http://www.ecma-international.org/standards/ecma-323/csta/ed4";

    /// <summary>Edition 2, from the older ECMA address; read only on a lenient link.</summary>
    public const string Edition2 = "http://www.ecma.ch/standards/ecma-323/csta/ed2";

    /// <summary>Common prefix of every edition from 3 on; messages in any of them are read.</summary>
    public const string AnyEditionPrefix = "http://www.ecma-international.org/standards/ecma-323/csta/";

    /// <summary>ECMA-354 application session services.</summary>
    public const string ApplicationSession = "http://www.ecma-international.org/standards/ecma-354/appl_session";

    /// <summary>The Siemens (OpenScape Voice) private data namespace, usually bound to the prefix scx.</summary>
    public const string SiemensPrivate = "http://www.siemens.com/schema/csta";

    /// <summary>The edition number of a CSTA namespace ("ed4" → 4), or null.</summary>
    public static int? EditionOf(string ns)
    {
        if (ns == Edition2) return 2;
        if (!ns.StartsWith(AnyEditionPrefix, StringComparison.Ordinal)) return null;
        var tail = ns.AsSpan(AnyEditionPrefix.Length);
        return tail.StartsWith("ed") && int.TryParse(tail[2..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
