using Concierge.Server.Hosting;
using Concierge.Server.Options;
using Concierge.Server.Pbx;
using Concierge.Store.Accounts;
using Microsoft.Extensions.Configuration;

namespace Concierge.Server.Tests.Hosting;

public sealed class ServerStartupTests
{
    [Fact]
    public void Without_dev_and_without_an_administrator_the_server_refuses_saying_how_to_create_one()
    {
        using var files = new TestServerFiles();
        var options = files.Options("--topology", files.Topology("osv-example"), "--db", files.Database);
        var store = ServerStartup.OpenStore(options);
        var topology = ServerTopology.Load(options, files.Directory);
        files.AddAccount("DEFAULT\\alice", AccountRole.Manager, "correct horse battery");

        var error = Assert.Throws<OptionException>(() => ServerStartup.EnsureAdministrator(store, options, topology, TimeProvider.System));

        Assert.Contains("no administrator account", error.Message, StringComparison.Ordinal);
        Assert.Contains("./run-server.sh account add 'DEFAULT\\admin' --role administrator", error.Message, StringComparison.Ordinal);
        Assert.Contains("CONCIERGE_PASSWORD", error.Message, StringComparison.Ordinal);
        Assert.False(store.HasAdministrator());
    }

    [Fact]
    public void With_dev_a_development_administrator_is_created_and_its_password_printed_once()
    {
        using var files = new TestServerFiles();
        var options = files.Options("--dev", "--topology", files.Topology("osv-example"), "--db", files.Database);
        var store = ServerStartup.OpenStore(options);
        var topology = ServerTopology.Load(options, files.Directory);

        var line = ServerStartup.EnsureAdministrator(store, options, topology, TimeProvider.System);

        Assert.NotNull(line);
        Assert.Contains("created the administrator account DEFAULT\\dev with the password ", line, StringComparison.Ordinal);
        var password = line.Split("with the password ")[1].Split(' ')[0];
        var account = store.FindAccount(new AccountName("DEFAULT", "dev"));
        Assert.Equal(AccountRole.Administrator, account!.Role);
        Assert.True(account.Password.Matches(password));
        Assert.Null(ServerStartup.EnsureAdministrator(store, options, topology, TimeProvider.System));
    }

    [Fact]
    public void The_first_start_imports_the_topology_and_later_starts_run_the_stored_configuration_warning_when_the_file_differs()
    {
        using var files = new TestServerFiles();
        var options = files.Options("--topology", files.Topology("osv-example"), "--db", files.Database);
        var store = ServerStartup.OpenStore(options);
        var example = ServerTopology.Load(options, files.Directory);
        var notes = new List<string>();

        Assert.Equal(example.Config, ServerStartup.ChooseConfiguration(store, example, TimeProvider.System, notes).Config);
        Assert.Contains("imported the concierge: section", Assert.Single(notes), StringComparison.Ordinal);

        var twoTenants = ServerTopology.Load(files.Options("--topology", files.Topology("two-tenants"), "--db", files.Database), files.Directory);
        notes.Clear();
        Assert.Equal(example.Config, ServerStartup.ChooseConfiguration(store, twoTenants, TimeProvider.System, notes).Config);
        Assert.Contains(notes, n => n.StartsWith("WARNING: the concierge: section of", StringComparison.Ordinal) && n.Contains("./run-server.sh import", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_db_value_and_a_low_iteration_count_name_field_and_value()
    {
        var db = Assert.Throws<OptionException>(() => ServerOptionsReader.Read(ServerConfiguration.Build(["--db", "Host=x;Nonsense=1"], null, false)));
        Assert.StartsWith("--db: is not a PostgreSQL connection string", db.Message, StringComparison.Ordinal);
        var iterations = Assert.Throws<OptionException>(() => ServerOptionsReader.Read(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["PasswordIterations"] = "100000" }).Build()));
        Assert.Equal("PasswordIterations: \"100000\" is below the minimum of 600,000 PBKDF2-SHA256 iterations", iterations.Message);
        Assert.Equal(600_000, ServerOptionsReader.Read(ServerConfiguration.Build([], null, false)).PasswordPolicy.Iterations);
    }
}
