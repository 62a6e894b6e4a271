using System.Security.Cryptography;
using Concierge.Server.Accounts;
using Concierge.Server.Options;
using Concierge.Server.Pbx;
using Concierge.Store;
using Concierge.Store.Accounts;

namespace Concierge.Server.Hosting;

/// <summary>
/// What the server settles before it listens: the store (opened and migrated), the configuration it runs (the
/// stored one; on the first start the topology's <c>concierge:</c> section is imported), and that an
/// administrator account exists (outside development mode the server refuses to start without one; with
/// <c>--dev</c> it creates a development account and says so).
/// </summary>
public static class ServerStartup
{
    /// <summary>The name of the account <c>--dev</c> creates in the default tenant.</summary>
    public const string DevAccountName = "dev";

    /// <summary>Opens and migrates the store of <paramref name="options"/>; a failure is an <see cref="OptionException"/> naming <c>--db</c>.</summary>
    public static ConciergeStore OpenStore(ServerOptions options, Action<string>? log = null)
    {
        try
        {
            return ConciergeStore.Open(options.Db, log);
        }
        catch (StoreException ex)
        {
            throw new OptionException("--db", null, ex.Message);
        }
    }

    /// <summary>
    /// The topology with the configuration to run: the stored one, or on first start the file's (then imported).
    /// The lines say which, and warn when the file's section differs from the stored one.
    /// </summary>
    public static ServerTopology ChooseConfiguration(ConciergeStore store, ServerTopology topology, TimeProvider time, List<string> notes)
    {
        var stored = store.LoadConfiguration();
        if (stored is null)
        {
            store.SaveConfiguration(topology.Config, topology.File, time.GetUtcNow());
            notes.Add($"configuration: imported the concierge: section of {topology.File} into {store.Location.Display}");
            return topology;
        }
        var source = store.ConfigurationSource();
        notes.Add($"configuration: from {store.Location.Display} (imported from {source?.Source ?? "?"} at {source?.ImportedAt:u})");
        if (stored != topology.Config)
            notes.Add($"WARNING: the concierge: section of {topology.File} differs from the stored configuration, which is used; " +
                      $"./run-server.sh import {topology.File} replaces it");
        return topology with { Config = stored };
    }

    /// <summary>
    /// Makes sure an administrator exists: outside <c>--dev</c> an <see cref="OptionException"/> saying how to create
    /// one; with <c>--dev</c> a development administrator with a random password, described in the returned line.
    /// </summary>
    public static string? EnsureAdministrator(ConciergeStore store, ServerOptions options, ServerTopology topology, TimeProvider time)
    {
        if (store.HasAdministrator()) return null;
        var defaultTenant = TenantScope.DefaultOf(store.LoadConfiguration() ?? topology.Config);
        if (!options.Dev)
            throw new OptionException("accounts", null,
                $"no administrator account in {store.Location.Display}; the server does not start without one. Create it with " +
                $"./run-server.sh account add '{defaultTenant}\\admin' --role administrator " +
                $"(the password, at least {PasswordPolicy.MinimumLength} characters, is read from stdin or CONCIERGE_PASSWORD), " +
                "or start with --dev for development");
        var name = new AccountName(defaultTenant, DevAccountName);
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
        if (store.FindAccount(name) is not null) store.RemoveAccount(name);
        store.AddAccount(name, AccountRole.Administrator, PasswordHash.Create(password, options.PasswordPolicy), time.GetUtcNow());
        return $"DEVELOPMENT MODE (--dev): created the administrator account {name} with the password {password} (shown only now; " +
               $"POST /api/logon {{\"account\":\"{name.Tenant}\\\\{name.Name}\",\"password\":\"{password}\"}})";
    }
}
