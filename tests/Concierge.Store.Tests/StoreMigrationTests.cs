namespace Concierge.Store.Tests;

public sealed class StoreMigrationTests
{
    [Theory]
    [MemberData(nameof(TestStore.Dialects), MemberType = typeof(TestStore))]
    public void A_fresh_database_gets_every_migration_once_and_a_reopen_applies_none(string dialect)
    {
        using var test = new TestStore(dialect);
        var first = test.Open();
        Assert.Equal(["V1_0__configuration.sql", "V1_1__call_records.sql", "V1_2__accounts.sql", "V1_3__pabx_routing.sql"], first.AppliedMigrations);
        var again = test.Open();
        Assert.Empty(again.AppliedMigrations);
        Assert.True(again.IsReachable(out var problem), problem);
        Assert.Null(again.LoadConfiguration());
        Assert.Equal(0, again.CallRecordCount());
    }

    [Fact]
    public void A_sqlite_store_runs_in_wal_mode_and_creates_its_folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"concierge-store-folder-{Environment.ProcessId}-{DateTime.UtcNow.Ticks}");
        try
        {
            var store = ConciergeStore.Open(StoreLocation.Parse("--db", Path.Combine(folder, "data", "concierge.db"), folder));
            Assert.True(File.Exists(Path.Combine(folder, "data", "concierge.db")));
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection(store.Location.ConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            Assert.Equal("wal", command.ExecuteScalar());
        }
        finally
        {
            ConciergeStore.ReleaseFiles();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused_naming_the_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"concierge-not-a-db-{Environment.ProcessId}-{DateTime.UtcNow.Ticks}.db");
        File.WriteAllText(file, "this is not an SQLite database, it is just text that is long enough to be read as a header");
        try
        {
            var error = Assert.Throws<StoreException>(() => ConciergeStore.Open(StoreLocation.Parse("--db", file, Path.GetTempPath())));
            Assert.Contains(file, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            ConciergeStore.ReleaseFiles();
            File.Delete(file);
        }
    }
}
