namespace Concierge.Store.Accounts;

/// <summary>An account's name, <c>&lt;tenant&gt;\&lt;name&gt;</c>: the tenant it belongs to and the name within it.</summary>
public sealed record AccountName(string Tenant, string Name)
{
    /// <summary>The longest tenant or account name.</summary>
    public const int MaxLength = 64;

    /// <summary>Reads <c>tenant\name</c>; throws <see cref="StoreException"/> naming <paramref name="field"/> and the value otherwise.</summary>
    public static AccountName Parse(string field, string? text)
    {
        if (TryParse(text, out var name, out var reason)) return name;
        throw new StoreException($"{field}: \"{text}\" {reason}");
    }

    /// <summary>Reads <c>tenant\name</c>, or says why it is not one.</summary>
    public static bool TryParse(string? text, out AccountName name, out string reason)
    {
        name = null!;
        var slash = text?.IndexOf('\\', StringComparison.Ordinal) ?? -1;
        if (text is null || slash <= 0 || slash == text.Length - 1 || text.IndexOf('\\', slash + 1) >= 0)
        {
            reason = "is not <tenant>\\<name> (e.g. DEFAULT\\admin)";
            return false;
        }
        var tenant = text[..slash];
        var account = text[(slash + 1)..];
        if (tenant.Length > MaxLength || account.Length > MaxLength)
        {
            reason = $"is too long (tenant and name at most {MaxLength} characters each)";
            return false;
        }
        if (!account.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            reason = "has a name with characters other than letters, digits, '.', '_' and '-'";
            return false;
        }
        if (tenant.Any(char.IsControl) || tenant.Trim() != tenant)
        {
            reason = "has a tenant with control characters or surrounding spaces";
            return false;
        }
        name = new AccountName(tenant, account);
        reason = "";
        return true;
    }

    /// <summary>The key log-ons are matched and throttled by (the name is not case sensitive, the tenant is).</summary>
    public string Key => Tenant + "\\" + Name.ToLowerInvariant();

    /// <inheritdoc />
    public override string ToString() => Tenant + "\\" + Name;
}
