namespace Concierge.Simulators.UnifyPhone.Jwt;

/// <summary>
/// The tenant's JSON Web Token for user provisioning (U 2.5, 6.1): set with an expiry, invalidated, or not set. Its
/// status is read against the virtual clock: Expiring from one calendar month before the expiry, Expired from the expiry on.
/// </summary>
public sealed class TenantJwt
{
    /// <summary>When the token expires, or null while none is set.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>True once the token was invalidated (revoked in the JWT creation portal).</summary>
    public bool IsInvalidated { get; private set; }

    /// <summary>Pastes a new token that expires at <paramref name="expiresAt"/> (replacing an invalid or expired one).</summary>
    public void Set(DateTimeOffset expiresAt)
    {
        ExpiresAt = expiresAt;
        IsInvalidated = false;
    }

    /// <summary>The token is revoked: Invalid token until a new one is set.</summary>
    public void Invalidate()
    {
        if (ExpiresAt is not null) IsInvalidated = true;
    }

    /// <summary>The token is removed: Not set.</summary>
    public void Clear()
    {
        ExpiresAt = null;
        IsInvalidated = false;
    }

    /// <summary>The moment the status turns Expiring: one calendar month before the expiry.</summary>
    public DateTimeOffset? ExpiringFrom => ExpiresAt?.AddMonths(-1);

    /// <summary>The status at <paramref name="now"/>.</summary>
    public JwtStatus StatusAt(DateTimeOffset now)
    {
        if (ExpiresAt is not { } expiry) return JwtStatus.NotSet;
        if (IsInvalidated) return JwtStatus.InvalidToken;
        if (now >= expiry) return JwtStatus.Expired;
        return now >= expiry.AddMonths(-1) ? JwtStatus.Expiring : JwtStatus.Active;
    }
}
