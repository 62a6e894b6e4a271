namespace Concierge.Simulators.UnifyPhone.Tenant;

/// <summary>The causes the FAQ gives for "no connection to REST API" (U 5.3).</summary>
public static class RestConnectionProblem
{
    /// <summary>The system's key is not (or no longer) the tenant's.</summary>
    public const string ApiKeyInvalidOrRegenerated = "API key invalid or regenerated";

    /// <summary>No JWT is set.</summary>
    public const string JwtNotConfigured = "Unify Phone JWT is not configured";

    /// <summary>The JWT has expired.</summary>
    public const string JwtExpired = "Unify Phone JWT expired";

    /// <summary>The JWT was invalidated.</summary>
    public const string JwtInvalid = "Unify Phone JWT is an invalid token";
}
