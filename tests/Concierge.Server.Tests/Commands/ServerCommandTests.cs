using System.Text.Json;
using Concierge.Config.Topology;
using Concierge.Server.Commands;
using Concierge.Store;
using Concierge.Store.CallRecords;

namespace Concierge.Server.Tests.Commands;

public sealed class ServerCommandTests : IDisposable
{
    private readonly TestServerFiles _files = new();

    private async Task<(int Exit, string Out, string Error)> Run(string stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ServerCommands.RunAsync([.. args, "--db", _files.Database], new StringReader(stdin), output, error,
            TestServerFiles.FastPasswords, appSettingsFile: null, workingDirectory: _files.Directory);
        return (exit, output.ToString(), error.ToString());
    }

    private ConciergeStore Store => ConciergeStore.Open(StoreLocation.Parse("--db", _files.Database, _files.Directory));

    [Fact]
    public async Task Migrate_applies_the_schema_once()
    {
        var first = await Run("", "migrate");
        Assert.Equal(0, first.Exit);
        Assert.Contains("applied V1_0__configuration.sql, V1_1__call_records.sql, V1_2__accounts.sql", first.Out, StringComparison.Ordinal);
        Assert.Contains("the schema is up to date", (await Run("", "migrate")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Account_add_reads_the_password_from_stdin_and_reset_and_remove_work_on_it()
    {
        var added = await Run("correct horse battery\n", "account", "add", "DEFAULT\\admin", "--role", "administrator");
        Assert.Equal((0, ""), (added.Exit, added.Error));
        Assert.True(Store.FindAccount(new("DEFAULT", "admin"))!.Password.Matches("correct horse battery"));
        Assert.Contains("DEFAULT\\admin administrator", (await Run("", "account", "list")).Out, StringComparison.Ordinal);

        Assert.Equal(0, (await Run("another good password\n", "account", "reset", "DEFAULT\\admin")).Exit);
        Assert.True(Store.FindAccount(new("DEFAULT", "admin"))!.Password.Matches("another good password"));
        Assert.Equal(0, (await Run("", "account", "remove", "DEFAULT\\admin")).Exit);
        Assert.Null(Store.FindAccount(new("DEFAULT", "admin")));
    }

    [Theory]
    [InlineData("correct horse battery\n", new[] { "account", "add", "admin" }, "account: \"admin\" is not <tenant>\\<name>")]
    [InlineData("short\n", new[] { "account", "add", "DEFAULT\\admin" }, "password: is shorter than 12 characters")]
    [InlineData("", new[] { "account", "add", "DEFAULT\\admin" }, "password: was not given")]
    [InlineData("correct horse battery\n", new[] { "account", "add", "DEFAULT\\admin", "--role", "boss" }, "--role: \"boss\" is not user, manager or administrator")]
    [InlineData("", new[] { "account", "remove", "DEFAULT\\nobody" }, "account: \"DEFAULT\\nobody\" does not exist")]
    [InlineData("", new[] { "account", "rename", "DEFAULT\\x" }, "account: \"rename\" is not add, reset, remove or list")]
    [InlineData("", new[] { "calls", "--since", "last week" }, "--since: \"last week\" is not a time")]
    [InlineData("", new[] { "import" }, "import: is missing an argument")]
    public async Task Bad_arguments_exit_2_naming_field_and_value(string stdin, string[] args, string message)
    {
        var result = await Run(stdin, args);
        Assert.Equal(2, result.Exit);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_of_a_tenant_the_stored_configuration_lacks_is_refused()
    {
        Assert.Equal(0, (await Run("", "import", _files.Topology("osv-example"))).Exit);
        var result = await Run("correct horse battery\n", "account", "add", "Hotel\\bob");
        Assert.Equal(2, result.Exit);
        Assert.Contains("names tenant \"Hotel\", which is not in the stored configuration (tenants: DEFAULT)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_replaces_the_configuration_and_export_writes_it_back_equal()
    {
        var imported = await Run("", "import", _files.Topology("two-tenants"));
        Assert.Equal(0, imported.Exit);
        Assert.Contains("2 tenants", imported.Out, StringComparison.Ordinal);
        var stored = Store.LoadConfiguration();
        Assert.Equal(TopologyLoader.FromDirectory(_files.Directory).Load("two-tenants").Concierge, stored);

        var exported = await Run("", "export");
        Assert.Equal(0, exported.Exit);
        Assert.Equal(stored, new TopologyLoader(name => name == "x" ? exported.Out : null).Load("x").Concierge);
        Assert.Contains("configuration: 2 tenants", (await Run("", "status")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_topology_with_errors_is_not_imported_and_every_error_is_named()
    {
        File.WriteAllText(_files.Topology("broken"), File.ReadAllText(_files.Topology("osv-example")).Replace("channels: 30", "channels: thirty", StringComparison.Ordinal));
        var result = await Run("", "import", _files.Topology("broken"));
        Assert.Equal(2, result.Exit);
        Assert.Contains("has errors:", result.Error, StringComparison.Ordinal);
        Assert.Contains("concierge.cps.channels", result.Error, StringComparison.Ordinal);
        Assert.Contains("\"thirty\"", result.Error, StringComparison.Ordinal);
        Assert.Null(Store.LoadConfiguration());
    }

    [Fact]
    public async Task Calls_prints_one_line_or_one_json_object_per_record_since_a_time()
    {
        var store = Store;
        var t = new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
        store.AddCallRecord(new StoredCallRecord(0, "cps", 1, "DEFAULT", "+493011100001", "+4950505803201", t.AddSeconds(-20), t.AddSeconds(-5), "+4950505807580", t, "answered", ["a"]));
        store.AddCallRecord(new StoredCallRecord(0, "cps", 2, "DEFAULT", "+493011100002", "+4950505803201", t.AddMinutes(9), null, null, t.AddMinutes(10), "abandoned", ["b"]));

        var lines = (await Run("", "calls")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("2026-12-02T09:00:00.000Z answered", lines[0], StringComparison.Ordinal);
        Assert.Contains("+493011100001 -> +4950505803201 answered by +4950505807580 after 15.0 s", lines[0], StringComparison.Ordinal);
        var json = (await Run("", "calls", "--since", "2026-12-02T09:05:00Z", "--json")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var record = JsonDocument.Parse(Assert.Single(json));
        Assert.Equal("abandoned", record.RootElement.GetProperty("disposition").GetString());
        Assert.Equal(2, record.RootElement.GetProperty("callId").GetInt64());
    }

    public void Dispose() => _files.Dispose();
}
