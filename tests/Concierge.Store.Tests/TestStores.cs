using Concierge.Config.Model;
using Concierge.Config.Topology;
using Npgsql;

namespace Concierge.Store.Tests;

/// <summary>
/// Fresh, empty stores for tests: a temporary SQLite file, and — when <c>./test.sh</c> started a throw-away
/// PostgreSQL cluster and exported <see cref="PostgresVariable"/> — a new database on it per test. test.sh always
/// exports the variable, so there the PostgreSQL cases run and fail when the server does not answer; a bare
/// <c>dotnet test</c> without the variable runs the SQLite cases only.
/// </summary>
public sealed class TestStore : IDisposable
{
    /// <summary>The environment variable with the connection string of the test PostgreSQL server (maintenance database).</summary>
    public const string PostgresVariable = "CONCIERGE_TEST_POSTGRES";

    private static int _databases;
    private readonly string? _sqliteFile;
    private readonly string? _database;
    private readonly string? _admin;

    public TestStore(string dialect)
    {
        if (dialect == "sqlite")
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), $"concierge-store-{Environment.ProcessId}-{Interlocked.Increment(ref _databases)}-{DateTime.UtcNow.Ticks}.db");
            Location = StoreLocation.Parse("--db", _sqliteFile, Path.GetTempPath());
        }
        else
        {
            _admin = Environment.GetEnvironmentVariable(PostgresVariable) ?? throw new InvalidOperationException($"{PostgresVariable} is not set");
            _database = $"concierge_test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
            using (var connection = new NpgsqlConnection(_admin))
            {
                connection.Open();
                using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", connection);
                create.ExecuteNonQuery();
            }
            var builder = new NpgsqlConnectionStringBuilder(_admin) { Database = _database, Pooling = false };
            Location = StoreLocation.Parse("--db", builder.ConnectionString, Path.GetTempPath());
        }
    }

    /// <summary>sqlite always; postgresql when the test server is there.</summary>
    public static TheoryData<string> Dialects => new(DialectNames);

    /// <summary>sqlite always; postgresql when the test server is there.</summary>
    public static IReadOnlyList<string> DialectNames =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } ? ["sqlite", "postgresql"] : ["sqlite"];

    public StoreLocation Location { get; }

    public ConciergeStore Open() => ConciergeStore.Open(Location);

    public void Dispose()
    {
        ConciergeStore.ReleaseFiles();
        NpgsqlConnection.ClearAllPools();
        if (_sqliteFile is not null)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                if (File.Exists(_sqliteFile + suffix)) File.Delete(_sqliteFile + suffix);
        }
        if (_database is not null)
        {
            using var connection = new NpgsqlConnection(_admin);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
    }
}

/// <summary>The repository's standard topologies.</summary>
internal static class Topologies
{
    public static string Directory { get; } = TopologyLoader.FindRepositoryDirectory(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("the repository (Concierge.sln) was not found above " + AppContext.BaseDirectory);

    public static TopologyDocument Document(string name) => TopologyLoader.FromDirectory(Directory).Load(name);

    public static ConciergeConfig Load(string name) => Document(name).RequireConcierge();

    public static IEnumerable<string> WithCps => TopologyLoader.StandardNames.Where(n => Document(n).Concierge is not null);
}
