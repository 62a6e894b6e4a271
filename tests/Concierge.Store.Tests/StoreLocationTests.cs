namespace Concierge.Store.Tests;

public sealed class StoreLocationTests
{
    [Fact]
    public void A_path_is_a_sqlite_file_relative_to_the_working_directory()
    {
        var location = StoreLocation.Parse("--db", "./data/concierge.db", "/srv/concierge");
        Assert.Equal(StoreDialect.Sqlite, location.Dialect);
        Assert.Equal("/srv/concierge/data/concierge.db", location.SqliteFile);
    }

    [Fact]
    public void A_connection_string_with_a_host_is_postgresql_and_its_password_is_not_shown()
    {
        var location = StoreLocation.Parse("--db", "Host=127.0.0.1;Port=5433;Database=concierge;Username=c;Password=secret", "/");
        Assert.Equal(StoreDialect.PostgreSql, location.Dialect);
        Assert.Null(location.SqliteFile);
        Assert.Equal("PostgreSQL 127.0.0.1:5433/concierge", location.Display);
        Assert.DoesNotContain("secret", location.Display, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "neither a file name nor a PostgreSQL connection string")]
    [InlineData("Host=127.0.0.1;Bogus Key=1", "is not a PostgreSQL connection string")]
    public void Bad_values_name_the_field(string text, string reason)
    {
        var error = Assert.Throws<StoreException>(() => StoreLocation.Parse("--db", text, "/"));
        Assert.StartsWith("--db: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_is_not_a_database_file()
    {
        var error = Assert.Throws<StoreException>(() => StoreLocation.Parse("--db", Path.GetTempPath(), "/"));
        Assert.Contains("is a directory", error.Message, StringComparison.Ordinal);
    }
}
