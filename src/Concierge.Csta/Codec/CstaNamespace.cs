namespace Concierge.Csta.Codec;

/// <summary>The XML namespaces of ECMA-323 CSTA XML.</summary>
public static class CstaNamespace
{
    /// <summary>Edition 3, the one written by this codec.</summary>
    public const string Edition3 = "http://www.ecma-international.org/standards/ecma-323/csta/ed3";

    /// <summary>Common prefix of every edition; messages in any edition are read.</summary>
    public const string AnyEditionPrefix = "http://www.ecma-international.org/standards/ecma-323/csta/";
}
