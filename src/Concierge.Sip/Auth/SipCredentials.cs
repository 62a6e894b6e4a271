namespace Concierge.Sip.Auth;

/// <summary>A user name and password for digest authentication, optionally only for one realm.</summary>
public sealed record SipCredentials(string UserName, string Password, string? Realm = null)
{
    /// <inheritdoc />
    public override string ToString() => $"{UserName}@{Realm ?? "*"}";
}
