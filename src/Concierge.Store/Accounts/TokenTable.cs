using System.Security.Cryptography;
using System.Text;
using static Concierge.Store.StoreRows;

namespace Concierge.Store.Accounts;

/// <summary>
/// Bearer tokens: 32 random bytes (base64url) handed out once; the store keeps only their SHA-256, the account and
/// the expiry. A token ends when it expires, is revoked (log-off), or its account's password is reset or removed.
/// </summary>
internal sealed class TokenTable(StoreDatabase database)
{
    public const int TokenBytes = 32;

    public string Issue(long accountId, DateTimeOffset now, TimeSpan lifetime)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(TokenBytes));
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        StoreDatabase.Execute(connection, transaction, "DELETE FROM tokens WHERE expires_at_ms <= @now", ("@now", Ms(now)));
        StoreDatabase.Execute(connection, transaction,
            "INSERT INTO tokens (token_hash, account_id, issued_at_ms, expires_at_ms) VALUES (@hash, @account, @now, @expires)",
            ("@hash", Digest(token)), ("@account", accountId), ("@now", Ms(now)), ("@expires", Ms(now + lifetime)));
        transaction.Commit();
        return token;
    }

    /// <summary>The account and expiry of a token that has not expired or been revoked, else null.</summary>
    public (Account Account, DateTimeOffset ExpiresAt)? Find(string token, DateTimeOffset now)
    {
        if (token.Length is 0 or > 128) return null;
        using var connection = database.Open();
        var rows = StoreDatabase.Rows(connection,
            "SELECT a.id, a.tenant, a.name, a.role, a.password_hash, a.salt, a.iterations, a.created_at_ms, a.password_changed_at_ms, t.expires_at_ms " +
            "FROM tokens t JOIN accounts a ON a.id = t.account_id WHERE t.token_hash = @hash AND t.expires_at_ms > @now",
            r => (AccountTable.Map(r), r.Time(9)), ("@hash", Digest(token)), ("@now", Ms(now)));
        return rows.Count == 0 ? null : rows[0];
    }

    public bool Revoke(string token)
    {
        using var connection = database.Open();
        return StoreDatabase.Execute(connection, null, "DELETE FROM tokens WHERE token_hash = @hash", ("@hash", Digest(token))) > 0;
    }

    private static string Digest(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
