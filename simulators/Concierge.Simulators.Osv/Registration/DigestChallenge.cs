using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Concierge.Simulators.Osv.Registration;

/// <summary>RFC 2617 MD5 digest (without qop) as the OSV registrar checks it: challenge text and response check.</summary>
public static partial class DigestChallenge
{
    /// <summary>The realm the OSV challenges with.</summary>
    public const string Realm = "osv";

    /// <summary>The WWW-Authenticate value for <paramref name="nonce"/>.</summary>
    public static string Challenge(string nonce) => $"Digest realm=\"{Realm}\", nonce=\"{nonce}\", algorithm=MD5";

    /// <summary>The response value a client computes for <paramref name="method"/> and <paramref name="uri"/>.</summary>
    public static string Response(string user, string password, string nonce, string method, string uri)
    {
        var ha1 = Md5($"{user}:{Realm}:{password}");
        var ha2 = Md5($"{method}:{uri}");
        return Md5($"{ha1}:{nonce}:{ha2}");
    }

    /// <summary>The Authorization value a client sends.</summary>
    public static string Authorization(string user, string password, string nonce, string method, string uri) =>
        $"Digest username=\"{user}\", realm=\"{Realm}\", nonce=\"{nonce}\", uri=\"{uri}\", response=\"{Response(user, password, nonce, method, uri)}\", algorithm=MD5";

    /// <summary>The nonce of a WWW-Authenticate or Authorization value, or null.</summary>
    public static string? Nonce(string? header) => Field(header, "nonce");

    /// <summary>True when <paramref name="authorization"/> is a correct answer to <paramref name="nonce"/> for <paramref name="password"/>.</summary>
    public static bool Verify(string? authorization, string nonce, string method, string password)
    {
        if (Field(authorization, "username") is not { } user || Field(authorization, "uri") is not { } uri
            || Field(authorization, "response") is not { } response || Field(authorization, "nonce") != nonce) return false;
        return string.Equals(response, Response(user, password, nonce, method, uri), StringComparison.OrdinalIgnoreCase);
    }

    private static string? Field(string? header, string name)
    {
        if (header is null) return null;
        var match = FieldPattern().Matches(header).FirstOrDefault(m => string.Equals(m.Groups[1].Value, name, StringComparison.OrdinalIgnoreCase));
        return match?.Groups[2].Success == true ? match.Groups[2].Value : match?.Groups[3].Value;
    }

    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex("""([A-Za-z-]+)\s*=\s*(?:"([^"]*)"|([^,\s]+))""")]
    private static partial Regex FieldPattern();
}
