using System.Security.Cryptography;
using System.Text;

namespace Concierge.Sip.Auth;

/// <summary>The digest hash functions SIP uses: MD5 (RFC 2617) and SHA-256 (RFC 8760 / RFC 7616).</summary>
public enum SipDigestAlgorithm
{
    /// <summary>MD5, the default when a challenge names none.</summary>
    Md5,

    /// <summary>SHA-256.</summary>
    Sha256,
}

/// <summary>Names and hashing for <see cref="SipDigestAlgorithm"/>.</summary>
public static class SipDigestAlgorithms
{
    /// <summary>The token written in algorithm=.</summary>
    public static string Token(this SipDigestAlgorithm algorithm) => algorithm == SipDigestAlgorithm.Sha256 ? "SHA-256" : "MD5";

    /// <summary>Reads an algorithm token (absent = MD5); false for unsupported ones (e.g. -sess variants, SHA-512-256).</summary>
    public static bool TryParse(string? token, out SipDigestAlgorithm algorithm)
    {
        algorithm = SipDigestAlgorithm.Md5;
        if (token is null || token.Equals("MD5", StringComparison.OrdinalIgnoreCase)) return true;
        if (token.Equals("SHA-256", StringComparison.OrdinalIgnoreCase))
        {
            algorithm = SipDigestAlgorithm.Sha256;
            return true;
        }
        return false;
    }

    /// <summary>Lower-case hex of the hash of the UTF-8 text.</summary>
    public static string HexHash(this SipDigestAlgorithm algorithm, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var hash = algorithm == SipDigestAlgorithm.Sha256 ? SHA256.HashData(bytes) : MD5.HashData(bytes);
        return Convert.ToHexStringLower(hash);
    }
}
