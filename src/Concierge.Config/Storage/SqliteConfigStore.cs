using Concierge.Config.Model;
using Microsoft.Data.Sqlite;

namespace Concierge.Config.Storage;

/// <summary>Saves a <see cref="ConciergeConfig"/> into SQLite tables and loads it back; a save replaces the stored configuration.</summary>
public sealed class SqliteConfigStore(string connectionString)
{
    /// <summary>A store on the database file at <paramref name="path"/>.</summary>
    public static SqliteConfigStore ForFile(string path) =>
        new(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());

    /// <summary>Creates the tables when missing.</summary>
    public void EnsureSchema()
    {
        using var connection = Open();
        Execute(connection, null, SqliteSchema.Create);
        using var check = connection.CreateCommand();
        check.CommandText = "SELECT COUNT(*) FROM schema_version";
        if (Convert.ToInt64(check.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            Execute(connection, null, $"INSERT INTO schema_version (version) VALUES ({SqliteSchema.Version})");
        }
    }

    /// <summary>Replaces the stored configuration with <paramref name="config"/>, in one transaction.</summary>
    public void Save(ConciergeConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        EnsureSchema();
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        foreach (var table in SqliteSchema.Tables)
        {
            Execute(connection, transaction, $"DELETE FROM {table}");
        }
        new SqliteConfigWriter(connection, transaction).Write(config);
        transaction.Commit();
    }

    /// <summary>The stored configuration, or null when none was saved.</summary>
    public ConciergeConfig? Load()
    {
        EnsureSchema();
        using var connection = Open();
        return new SqliteConfigReader(connection).Read();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
