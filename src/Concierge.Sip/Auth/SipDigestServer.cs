using Concierge.Runtime.Randomness;
using Concierge.Sip.Headers;
using Concierge.Sip.Message;

namespace Concierge.Sip.Auth;

/// <summary>
/// The authenticating side (registrar, simulated switch): issues digest challenges with qop=auth for SHA-256 and
/// MD5 (RFC 8760 §2.4: one challenge per algorithm, strongest first), and verifies credentials against a password
/// lookup, with nonce lifetime and nonce-count replay checks. Nonce state is bounded.
/// </summary>
public sealed class SipDigestServer
{
    private readonly DeterministicRandom _random;
    private readonly Func<string, string?> _passwordOf;
    private readonly Dictionary<string, (DateTimeOffset Issued, uint LastCount)> _nonces = new(StringComparer.Ordinal);
    private readonly Queue<string> _nonceOrder = new();

    /// <summary>Creates a server for <paramref name="realm"/>; <paramref name="passwordOf"/> gives a user's password or null.</summary>
    public SipDigestServer(string realm, Func<string, string?> passwordOf, DeterministicRandom random)
    {
        Realm = realm ?? throw new ArgumentNullException(nameof(realm));
        _passwordOf = passwordOf ?? throw new ArgumentNullException(nameof(passwordOf));
        _random = random ?? throw new ArgumentNullException(nameof(random));
    }

    /// <summary>The realm.</summary>
    public string Realm { get; }

    /// <summary>Algorithms offered, strongest first.</summary>
    public IReadOnlyList<SipDigestAlgorithm> Algorithms { get; init; } = [SipDigestAlgorithm.Sha256, SipDigestAlgorithm.Md5];

    /// <summary>How long a nonce is accepted.</summary>
    public TimeSpan NonceLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether challenges offer qop=auth; without it clients answer as RFC 2069 (no nc/cnonce).</summary>
    public bool OfferQop { get; init; } = true;

    /// <summary>Most nonces remembered; the oldest are forgotten first.</summary>
    public int MaxNonces { get; init; } = 10_000;

    /// <summary>Creates a 401 (or 407 when <paramref name="proxy"/>) for <paramref name="request"/> with fresh challenges.</summary>
    public SipResponse Challenge(SipRequest request, DateTimeOffset now, bool stale = false, bool proxy = false)
    {
        var response = SipResponse.CreateFor(request, proxy ? 407 : 401);
        var nonce = _random.NextHexToken(32);
        Remember(nonce, now);
        foreach (var algorithm in Algorithms)
        {
            var parameters = new List<SipAuthParameter>
            {
                new("realm", Realm, true),
                new("nonce", nonce, true),
                new("algorithm", algorithm.Token(), false),
            };
            if (OfferQop) parameters.Add(new("qop", "auth", true));
            if (stale) parameters.Add(new("stale", "true", false));
            response.Headers.Add(proxy ? SipHeaderNames.ProxyAuthenticate : SipHeaderNames.WwwAuthenticate, new SipAuthenticationHeader("Digest", parameters).ToString());
        }
        return response;
    }

    /// <summary>Checks the request's credentials for our realm; <paramref name="userName"/> is set when accepted.</summary>
    public SipDigestVerdict Verify(SipRequest request, DateTimeOffset now, out string? userName, bool proxy = false)
    {
        userName = null;
        var credentials = request.GetAuthenticationHeaders(proxy ? SipHeaderNames.ProxyAuthorization : SipHeaderNames.Authorization)
            .FirstOrDefault(h => h.Scheme.Equals("Digest", StringComparison.OrdinalIgnoreCase) && h.Realm == Realm);
        if (credentials is null) return SipDigestVerdict.Missing;
        if (credentials.UserName is not { } user || credentials.Nonce is not { } nonce || credentials.Uri is not { } uri
            || credentials.Response is not { } response || !SipDigestAlgorithms.TryParse(credentials["algorithm"], out var algorithm))
            return SipDigestVerdict.Rejected;
        if (!_nonces.TryGetValue(nonce, out var state) || now - state.Issued > NonceLifetime) return SipDigestVerdict.Stale;
        if (_passwordOf(user) is not { } password) return SipDigestVerdict.Rejected;
        var qop = credentials.Qop;
        uint count = 0;
        if (qop is not null)
        {
            if (!qop.Equals("auth", StringComparison.OrdinalIgnoreCase) || credentials.NonceCount is not { } nc || credentials["cnonce"] is null
                || !uint.TryParse(nc, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out count) || count <= state.LastCount)
                return SipDigestVerdict.Rejected;
        }
        var expected = SipDigest.Response(algorithm, user, Realm, password, request.Method, uri, nonce, qop, credentials.NonceCount, credentials["cnonce"]);
        if (!string.Equals(expected, response, StringComparison.OrdinalIgnoreCase)) return SipDigestVerdict.Rejected;
        _nonces[nonce] = (state.Issued, count);
        userName = user;
        return SipDigestVerdict.Accepted;
    }

    private void Remember(string nonce, DateTimeOffset now)
    {
        _nonces[nonce] = (now, 0);
        _nonceOrder.Enqueue(nonce);
        while (_nonceOrder.Count > MaxNonces && _nonceOrder.TryDequeue(out var oldest)) _nonces.Remove(oldest);
    }
}
