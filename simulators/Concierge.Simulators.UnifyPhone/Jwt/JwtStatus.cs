namespace Concierge.Simulators.UnifyPhone.Jwt;

/// <summary>The JWT connection status the Unify Phone administration shows (U 2.5).</summary>
public enum JwtStatus
{
    /// <summary>No JWT is set: Unify Phone is not functional for the tenant.</summary>
    NotSet,
    /// <summary>The JWT is active: Unify Phone is functional.</summary>
    Active,
    /// <summary>The JWT was invalidated: Unify Phone is not functional.</summary>
    InvalidToken,
    /// <summary>The JWT expires within a month: still functional.</summary>
    Expiring,
    /// <summary>The JWT has expired: Unify Phone is not functional.</summary>
    Expired,
}

/// <summary>How the statuses read and which are functional.</summary>
public static class JwtStatusText
{
    /// <summary>The status as the administration app shows it ("Not set", "Active", "Invalid token", "Expiring", "Expired").</summary>
    public static string Text(this JwtStatus status) => status switch
    {
        JwtStatus.NotSet => "Not set",
        JwtStatus.Active => "Active",
        JwtStatus.InvalidToken => "Invalid token",
        JwtStatus.Expiring => "Expiring",
        JwtStatus.Expired => "Expired",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown JWT status"),
    };

    /// <summary>True for the statuses in which Unify Phone is functional for the tenant (Active, Expiring).</summary>
    public static bool IsFunctional(this JwtStatus status) => status is JwtStatus.Active or JwtStatus.Expiring;
}
