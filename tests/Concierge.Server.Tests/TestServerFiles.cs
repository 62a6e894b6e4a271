using Concierge.Server.Options;
using Concierge.Store;
using Concierge.Store.Accounts;

namespace Concierge.Server.Tests;

/// <summary>
/// A temporary folder for one test server: a SQLite database, and the topologies osv-example and "two-tenants"
/// (osv-example plus a tenant Hotel with pilot +4950505803210 and the attendant 7583). Passwords are hashed with
/// <see cref="PasswordPolicy.ForTestsOnly"/> (1,000 iterations) so the tests stay fast.
/// </summary>
public sealed class TestServerFiles : IDisposable
{
    public static readonly PasswordPolicy FastPasswords = PasswordPolicy.ForTestsOnly(1_000);

    public const string TwoTenants = """
        extends: osv-example
        name: two-tenants
        concierge:
          tenants:
            Hotel:
              routingType: automatic distribution
              times: { maxTransferTime: 30 s, maxTimeInIncomingQueue: 120 s, rnaTimeout: 15 s, ringTime: 0 s }
              announcements: { musicOnHold: Hotel-MoH }
          announcements:
            Hotel-MoH: { type: music on hold, tenant: Hotel, file: Hotel-MoH.wav, duration: 30 s, loops: true }
          ddiEntries:
            "+4950505803210": { tenant: Hotel, name: Hotel, purpose: Hotel, overload: { action: busy } }
          attendants:
            "+4950505807583": { alias: "7583", personalLine: "+4950505803223", tenant: Hotel }
        """;

    public TestServerFiles()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("concierge-server-test-").FullName;
        File.Copy(Path.Combine(TestTopology.Directory, "osv-example.yaml"), Path.Combine(Directory, "osv-example.yaml"));
        File.WriteAllText(Path.Combine(Directory, "two-tenants.yaml"), TwoTenants);
    }

    public string Directory { get; }

    public string Database => Path.Combine(Directory, "concierge.db");

    public string Topology(string name) => Path.Combine(Directory, name + ".yaml");

    /// <summary>Adds an account to the store at <see cref="Database"/>.</summary>
    public void AddAccount(string name, AccountRole role, string password)
    {
        var store = ConciergeStore.Open(StoreLocation.Parse("--db", Database, Directory));
        store.AddAccount(AccountName.Parse("account", name), role, PasswordHash.Create(password, FastPasswords), DateTimeOffset.UtcNow);
    }

    /// <summary>Reads options as the server does, with the fast test password policy.</summary>
    public ServerOptions Options(params string[] args) =>
        ServerOptionsReader.Read(ServerConfiguration.Build(args, appSettingsFile: null, readEnvironment: false), Directory) with { PasswordPolicy = FastPasswords };

    public void Dispose()
    {
        ConciergeStore.ReleaseFiles();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // a file still open by a stopping host; the temp folder is cleaned by the system
        }
    }
}
