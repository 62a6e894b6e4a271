using System.Data.Common;
using static Concierge.Store.StoreRows;

namespace Concierge.Store.Accounts;

/// <summary>The <c>accounts</c> table.</summary>
internal sealed class AccountTable(StoreDatabase database)
{
    private const string Columns = "id, tenant, name, role, password_hash, salt, iterations, created_at_ms, password_changed_at_ms";

    public Account Add(AccountName name, AccountRole role, PasswordHash password, DateTimeOffset now)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        if (FindIn(connection, transaction, name) is not null) throw new StoreException($"account: \"{name}\" exists already (use account reset to change its password)");
        StoreDatabase.Execute(connection, transaction,
            "INSERT INTO accounts (tenant, name, role, password_hash, salt, iterations, created_at_ms, password_changed_at_ms) " +
            "VALUES (@tenant, @name, @role, @hash, @salt, @iterations, @now, @now)",
            ("@tenant", name.Tenant), ("@name", name.Name), ("@role", role.ToString().ToLowerInvariant()), ("@hash", password.Hash),
            ("@salt", password.Salt), ("@iterations", password.Iterations), ("@now", Ms(now)));
        var account = FindIn(connection, transaction, name)!;
        transaction.Commit();
        return account;
    }

    /// <summary>Sets a new password and ends the account's tokens; false when there is no such account.</summary>
    public bool SetPassword(AccountName name, PasswordHash password, DateTimeOffset now)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        if (FindIn(connection, transaction, name) is not { } account) return false;
        StoreDatabase.Execute(connection, transaction,
            "UPDATE accounts SET password_hash = @hash, salt = @salt, iterations = @iterations, password_changed_at_ms = @now WHERE id = @id",
            ("@hash", password.Hash), ("@salt", password.Salt), ("@iterations", password.Iterations), ("@now", Ms(now)), ("@id", account.Id));
        StoreDatabase.Execute(connection, transaction, "DELETE FROM tokens WHERE account_id = @id", ("@id", account.Id));
        transaction.Commit();
        return true;
    }

    /// <summary>Removes the account and its tokens; false when there is no such account.</summary>
    public bool Remove(AccountName name)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        if (FindIn(connection, transaction, name) is not { } account) return false;
        StoreDatabase.Execute(connection, transaction, "DELETE FROM tokens WHERE account_id = @id", ("@id", account.Id));
        StoreDatabase.Execute(connection, transaction, "DELETE FROM accounts WHERE id = @id", ("@id", account.Id));
        transaction.Commit();
        return true;
    }

    public Account? Find(AccountName name)
    {
        using var connection = database.Open();
        return FindIn(connection, null, name);
    }

    public IReadOnlyList<Account> All()
    {
        using var connection = database.Open();
        return StoreDatabase.Rows(connection, $"SELECT {Columns} FROM accounts ORDER BY tenant, name", Map);
    }

    public bool AnyAdministrator()
    {
        using var connection = database.Open();
        return Convert.ToInt64(StoreDatabase.Scalar(connection, null, "SELECT COUNT(*) FROM accounts WHERE role = 'administrator'"),
            System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static Account? FindIn(DbConnection connection, DbTransaction? transaction, AccountName name)
    {
        using var command = StoreDatabase.Command(connection, transaction,
            $"SELECT {Columns} FROM accounts WHERE tenant = @tenant AND LOWER(name) = @name", ("@tenant", name.Tenant), ("@name", name.Name.ToLowerInvariant()));
        using var reader = command.ExecuteReader();
        return reader.Read() ? Map(reader) : null;
    }

    internal static Account Map(DbDataReader r) => new(r.Long(0), new AccountName(r.GetString(1), r.GetString(2)),
        Enum.Parse<AccountRole>(r.GetString(3), ignoreCase: true), new PasswordHash(r.GetString(4), r.GetString(5), r.Int(6)), r.Time(7), r.Time(8));
}
