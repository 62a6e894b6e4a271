using System.Globalization;
using Concierge.Runtime.Randomness;
using Concierge.Sip.Headers;
using Concierge.Sip.Message;

namespace Concierge.Sip.Auth;

/// <summary>
/// Answers 401/407 challenges (RFC 3261 §22, RFC 2617, RFC 8760): picks the strongest digest challenge it supports
/// (SHA-256 before MD5), uses qop=auth when offered, counts nc per nonce and draws cnonce from the seeded generator.
/// </summary>
public sealed class SipDigestClient
{
    private readonly SipCredentials _credentials;
    private readonly DeterministicRandom _random;
    private readonly Dictionary<string, uint> _nonceCounts = new(StringComparer.Ordinal);

    /// <summary>Creates a client for <paramref name="credentials"/>.</summary>
    public SipDigestClient(SipCredentials credentials, DeterministicRandom random)
    {
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        _random = random ?? throw new ArgumentNullException(nameof(random));
    }

    /// <summary>
    /// Adds Authorization (for 401) or Proxy-Authorization (for 407) to <paramref name="request"/> for the
    /// challenge in <paramref name="challenge"/>. False when no challenge is usable (unknown algorithm, wrong realm).
    /// Earlier credentials of the same kind are replaced.
    /// </summary>
    public bool TryAuthorize(SipRequest request, SipResponse challenge)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(challenge);
        var isProxy = challenge.StatusCode == 407;
        var challengeHeader = isProxy ? SipHeaderNames.ProxyAuthenticate : SipHeaderNames.WwwAuthenticate;
        var chosen = challenge.GetAuthenticationHeaders(challengeHeader)
            .Where(h => h.Scheme.Equals("Digest", StringComparison.OrdinalIgnoreCase) && h.Realm is not null && h.Nonce is not null)
            .Where(h => _credentials.Realm is null || string.Equals(_credentials.Realm, h.Realm, StringComparison.Ordinal))
            .Select(h => (Header: h, Ok: SipDigestAlgorithms.TryParse(h["algorithm"], out var a), Algorithm: a))
            .Where(x => x.Ok)
            .OrderByDescending(x => x.Algorithm)
            .FirstOrDefault();
        if (chosen.Header is null) return false;
        var credentials = Authorize(request.Method, request.RequestUri.ToString(), chosen.Header, chosen.Algorithm);
        var credentialsHeader = isProxy ? SipHeaderNames.ProxyAuthorization : SipHeaderNames.Authorization;
        request.Headers.Remove(credentialsHeader);
        request.Headers.Add(credentialsHeader, credentials.ToString());
        return true;
    }

    /// <summary>Builds the credentials for one challenge.</summary>
    public SipAuthenticationHeader Authorize(string method, string digestUri, SipAuthenticationHeader challenge, SipDigestAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var realm = challenge.Realm ?? string.Empty;
        var nonce = challenge.Nonce ?? string.Empty;
        var offersAuth = challenge.Qop?.Split(',').Any(q => q.Trim().Equals("auth", StringComparison.OrdinalIgnoreCase)) == true;
        string? qop = offersAuth ? "auth" : null;
        string? nc = null, cnonce = null;
        if (qop is not null)
        {
            _nonceCounts.TryGetValue(nonce, out var count);
            _nonceCounts[nonce] = ++count;
            nc = count.ToString("x8", CultureInfo.InvariantCulture);
            cnonce = _random.NextHexToken(16);
        }
        var response = SipDigest.Response(algorithm, _credentials.UserName, realm, _credentials.Password, method, digestUri, nonce, qop, nc, cnonce);
        var parameters = new List<SipAuthParameter>
        {
            new("username", _credentials.UserName, true),
            new("realm", realm, true),
            new("nonce", nonce, true),
            new("uri", digestUri, true),
            new("response", response, true),
            new("algorithm", algorithm.Token(), false),
        };
        if (qop is not null)
        {
            parameters.Add(new("qop", qop, false));
            parameters.Add(new("nc", nc!, false));
            parameters.Add(new("cnonce", cnonce!, true));
        }
        if (challenge.Opaque is { } opaque) parameters.Add(new("opaque", opaque, true));
        return new SipAuthenticationHeader("Digest", parameters);
    }
}
