namespace Concierge.Simulators.UnifyPhone.Configuration;

/// <summary>A user the tenant has before the scenario starts.</summary>
public sealed record TenantUserConfig(string EmailAddress, string FirstName, string LastName, string Locale);

/// <summary>
/// The `unifyPhone:` section of a topology: the cloud host, the tenant (name, domain, API key, telephony connector,
/// JWT status and expiry) and its users.
/// </summary>
public sealed record TenantConfig(
    string Host,
    string Name,
    string Domain,
    string ApiKey,
    string ConnectorName,
    string ConnectorType,
    string JwtStatus,
    TimeSpan JwtExpiresIn,
    IReadOnlyList<TenantUserConfig> Users);
