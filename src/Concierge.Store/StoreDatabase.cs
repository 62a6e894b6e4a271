using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Concierge.Store;

/// <summary>
/// Opens connections to the store's database with the settings every connection needs: for SQLite WAL journal,
/// full synchronous commits (a committed call record survives <c>kill -9</c> and a power cut) and foreign keys.
/// Statements use <c>@name</c> parameters, which both providers understand.
/// </summary>
internal sealed class StoreDatabase(StoreLocation location)
{
    public StoreLocation Location { get; } = location;

    public DbConnection Open()
    {
        DbConnection connection = Location.Dialect == StoreDialect.Sqlite
            ? new SqliteConnection(Location.ConnectionString)
            : new NpgsqlConnection(Location.ConnectionString);
        try
        {
            connection.Open();
            if (Location.Dialect == StoreDialect.Sqlite) Execute(connection, null, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public static int Execute(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static object? Scalar(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public static List<T> Rows<T>(DbConnection connection, string sql, Func<DbDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, null, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(map(reader));
        return rows;
    }

    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
