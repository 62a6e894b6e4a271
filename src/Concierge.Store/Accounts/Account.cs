namespace Concierge.Store.Accounts;

/// <summary>A stored account: its name and role, and its password as PBKDF2-SHA256 hash, salt and iteration count.</summary>
public sealed record Account(long Id, AccountName Name, AccountRole Role, PasswordHash Password, DateTimeOffset CreatedAt, DateTimeOffset PasswordChangedAt)
{
    /// <summary>True when the account may act for <paramref name="tenant"/>.</summary>
    public bool Serves(string tenant) => Role == AccountRole.Administrator || Name.Tenant == tenant;
}
