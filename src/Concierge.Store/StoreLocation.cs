using Microsoft.Data.Sqlite;
using Npgsql;

namespace Concierge.Store;

/// <summary>Which database a store is on.</summary>
public enum StoreDialect
{
    /// <summary>An embedded SQLite file (the default).</summary>
    Sqlite,

    /// <summary>An external PostgreSQL server.</summary>
    PostgreSql,
}

/// <summary>
/// Where the store is: a SQLite file path, or a PostgreSQL connection string (recognised by a <c>Host=</c> key, e.g.
/// <c>Host=127.0.0.1;Port=5432;Database=concierge;Username=concierge;Password=…</c>). What <c>--db</c> gives.
/// </summary>
public sealed record StoreLocation(StoreDialect Dialect, string ConnectionString, string Display)
{
    /// <summary>The default SQLite file, relative to the working directory.</summary>
    public const string DefaultFile = "./data/concierge.db";

    /// <summary>
    /// The location <paramref name="text"/> names; throws <see cref="StoreException"/> naming <paramref name="field"/>
    /// and the value when it is neither a usable file path nor a readable connection string.
    /// </summary>
    public static StoreLocation Parse(string field, string? text, string workingDirectory)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new StoreException($"{field}: \"{text}\" is neither a file name nor a PostgreSQL connection string (empty)");
        if (LooksLikeConnectionString(text))
        {
            NpgsqlConnectionStringBuilder builder;
            try
            {
                builder = new NpgsqlConnectionStringBuilder(text);
            }
            catch (ArgumentException ex)
            {
                throw new StoreException($"{field}: is not a PostgreSQL connection string ({ex.Message})");
            }
            if (string.IsNullOrWhiteSpace(builder.Host)) throw new StoreException($"{field}: the PostgreSQL connection string has no Host");
            var shown = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
            return new StoreLocation(StoreDialect.PostgreSql, builder.ConnectionString, shown);
        }
        if (text.IndexOfAny(Path.GetInvalidPathChars()) >= 0) throw new StoreException($"{field}: \"{text}\" is not a file name");
        var path = Path.GetFullPath(text, workingDirectory);
        if (Directory.Exists(path)) throw new StoreException($"{field}: \"{text}\" is a directory, not a database file");
        var sqlite = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true };
        return new StoreLocation(StoreDialect.Sqlite, sqlite.ToString(), "SQLite " + path);
    }

    /// <summary>The SQLite file, or null for PostgreSQL.</summary>
    public string? SqliteFile => Dialect == StoreDialect.Sqlite ? new SqliteConnectionStringBuilder(ConnectionString).DataSource : null;

    private static bool LooksLikeConnectionString(string text) =>
        text.Contains('=', StringComparison.Ordinal) &&
        text.Split(';').Any(part => part.TrimStart().StartsWith("host=", StringComparison.OrdinalIgnoreCase) ||
                                   part.TrimStart().StartsWith("server=", StringComparison.OrdinalIgnoreCase));
}
