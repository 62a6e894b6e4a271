namespace Concierge.Sip.Auth;

/// <summary>What a digest server decided about a request's credentials.</summary>
public enum SipDigestVerdict
{
    /// <summary>Valid credentials for a known user.</summary>
    Accepted,
    /// <summary>No credentials for our realm: challenge.</summary>
    Missing,
    /// <summary>Credentials for a nonce we no longer accept: challenge with stale=true.</summary>
    Stale,
    /// <summary>Wrong password, unknown user, replayed nonce count or malformed credentials: 403 or a new challenge.</summary>
    Rejected,
}
