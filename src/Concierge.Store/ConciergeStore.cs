using System.Data.Common;
using Concierge.Config.Model;
using Concierge.Store.Accounts;
using Concierge.Store.CallRecords;
using Concierge.Store.Configuration;
using Concierge.Store.Migrations;
using Microsoft.Data.Sqlite;

namespace Concierge.Store;

/// <summary>
/// The server's database, SQLite or PostgreSQL, in one schema: the configuration (the topology's concierge:
/// section), ended call records, accounts and bearer tokens. <see cref="Open"/> applies pending migrations first.
/// Every method opens its own connection and transaction, so the store may be used from any thread.
/// </summary>
public sealed class ConciergeStore
{
    private readonly StoreDatabase _database;
    private readonly CallRecordTable _calls;
    private readonly AccountTable _accounts;
    private readonly TokenTable _tokens;

    private ConciergeStore(StoreLocation location, IReadOnlyList<string> applied)
    {
        _database = new StoreDatabase(location);
        _calls = new CallRecordTable(_database);
        _accounts = new AccountTable(_database);
        _tokens = new TokenTable(_database);
        AppliedMigrations = applied;
    }

    /// <summary>
    /// Opens the store at <paramref name="location"/> (a SQLite file and its folder are created when missing) and
    /// applies pending migrations; <paramref name="log"/> hears the migration library. Throws <see cref="StoreException"/>
    /// saying what failed.
    /// </summary>
    public static ConciergeStore Open(StoreLocation location, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (location.SqliteFile is { } file && Path.GetDirectoryName(file) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        try
        {
            var applied = StoreMigrations.Apply(new StoreDatabase(location), log ?? (_ => { }));
            return new ConciergeStore(location, applied);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or IOException or ArgumentException)
        {
            throw new StoreException($"the database cannot be opened ({location.Display}): {ex.Message}", ex);
        }
    }

    /// <summary>Where the store is.</summary>
    public StoreLocation Location => _database.Location;

    /// <summary>The migrations <see cref="Open"/> applied (none when the schema was current).</summary>
    public IReadOnlyList<string> AppliedMigrations { get; }

    /// <summary>True when the database answers a query now.</summary>
    public bool IsReachable(out string? problem)
    {
        try
        {
            using var connection = _database.Open();
            StoreDatabase.Scalar(connection, null, "SELECT 1");
            problem = null;
            return true;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or IOException or TimeoutException)
        {
            problem = ex.Message;
            return false;
        }
    }

    // Configuration

    /// <summary>The stored configuration, or null when none was imported.</summary>
    public ConciergeConfig? LoadConfiguration()
    {
        using var connection = _database.Open();
        return new ConfigurationReader(connection).Read();
    }

    /// <summary>Where the stored configuration came from and when, or null.</summary>
    public (string Source, DateTimeOffset ImportedAt)? ConfigurationSource()
    {
        using var connection = _database.Open();
        var rows = StoreDatabase.Rows(connection, "SELECT source, imported_at_ms FROM configuration_source", r => (r.GetString(0), r.Time(1)));
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Replaces the stored configuration with <paramref name="config"/> (already validated), in one transaction.</summary>
    public void SaveConfiguration(ConciergeConfig config, string source, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(config);
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var table in ConfigurationTables.All) StoreDatabase.Execute(connection, transaction, $"DELETE FROM {table}");
        var writer = new ConfigurationWriter(connection, transaction);
        writer.Write(config);
        writer.Insert("configuration_source", ("id", 1), ("source", source), ("imported_at_ms", StoreRows.Ms(now)));
        transaction.Commit();
    }

    // Call records

    /// <summary>Writes one ended call record in its own transaction.</summary>
    public void AddCallRecord(StoredCallRecord record) => _calls.Add(record);

    /// <summary>
    /// Ended call records oldest first: those ended at or after <paramref name="endedSince"/> (all when null), of
    /// <paramref name="tenant"/> (all when null), the newest <paramref name="limit"/> of them.
    /// </summary>
    public IReadOnlyList<StoredCallRecord> CallRecords(DateTimeOffset? endedSince = null, string? tenant = null, int limit = 1000) =>
        _calls.Read(endedSince, tenant, limit);

    /// <summary>How many call records are stored.</summary>
    public long CallRecordCount() => _calls.Count();

    // Accounts and tokens

    /// <summary>Adds an account; throws <see cref="StoreException"/> when the name is taken.</summary>
    public Account AddAccount(AccountName name, AccountRole role, PasswordHash password, DateTimeOffset now) => _accounts.Add(name, role, password, now);

    /// <summary>Sets a new password (its tokens end); false when there is no such account.</summary>
    public bool ResetPassword(AccountName name, PasswordHash password, DateTimeOffset now) => _accounts.SetPassword(name, password, now);

    /// <summary>Removes an account and its tokens; false when there is no such account.</summary>
    public bool RemoveAccount(AccountName name) => _accounts.Remove(name);

    /// <summary>The account called <paramref name="name"/> (the name part is not case sensitive), or null.</summary>
    public Account? FindAccount(AccountName name) => _accounts.Find(name);

    /// <summary>Every account, by tenant and name.</summary>
    public IReadOnlyList<Account> Accounts() => _accounts.All();

    /// <summary>True when an administrator account exists.</summary>
    public bool HasAdministrator() => _accounts.AnyAdministrator();

    /// <summary>A new bearer token for <paramref name="account"/>, valid for <paramref name="lifetime"/> from <paramref name="now"/>.</summary>
    public string IssueToken(Account account, DateTimeOffset now, TimeSpan lifetime) => _tokens.Issue(account.Id, now, lifetime);

    /// <summary>The account of a live token and when the token expires, or null.</summary>
    public (Account Account, DateTimeOffset ExpiresAt)? FindToken(string token, DateTimeOffset now) => _tokens.Find(token, now);

    /// <summary>Ends a token; false when it was not live.</summary>
    public bool RevokeToken(string token) => _tokens.Revoke(token);

    /// <summary>Closes pooled SQLite connections (so the file can be deleted or copied).</summary>
    public static void ReleaseFiles() => SqliteConnection.ClearAllPools();
}
