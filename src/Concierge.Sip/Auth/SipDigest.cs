namespace Concierge.Sip.Auth;

/// <summary>The digest computation of RFC 2617 §3.2.2 (with RFC 8760 hash choice): HA1, HA2 and the response.</summary>
public static class SipDigest
{
    /// <summary>H(username:realm:password).</summary>
    public static string Ha1(SipDigestAlgorithm algorithm, string userName, string realm, string password) =>
        algorithm.HexHash(userName + ":" + realm + ":" + password);

    /// <summary>H(method:digest-uri) for qop=auth or no qop.</summary>
    public static string Ha2(SipDigestAlgorithm algorithm, string method, string digestUri) =>
        algorithm.HexHash(method + ":" + digestUri);

    /// <summary>
    /// The request-digest: H(HA1:nonce:nc:cnonce:qop:HA2) with qop=auth, or H(HA1:nonce:HA2) without qop (RFC 2069 compatibility).
    /// </summary>
    public static string Response(SipDigestAlgorithm algorithm, string ha1, string nonce, string? qop, string? nonceCount, string? clientNonce, string ha2) =>
        qop is null
            ? algorithm.HexHash(ha1 + ":" + nonce + ":" + ha2)
            : algorithm.HexHash(string.Join(':', ha1, nonce, nonceCount, clientNonce, qop, ha2));

    /// <summary>The whole computation from clear-text inputs.</summary>
    public static string Response(SipDigestAlgorithm algorithm, string userName, string realm, string password, string method, string digestUri,
        string nonce, string? qop, string? nonceCount, string? clientNonce) =>
        Response(algorithm, Ha1(algorithm, userName, realm, password), nonce, qop, nonceCount, clientNonce, Ha2(algorithm, method, digestUri));
}
