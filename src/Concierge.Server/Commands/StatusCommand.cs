using Concierge.Store.Accounts;

namespace Concierge.Server.Commands;

/// <summary><c>status</c>: the store's state: where it is, the configuration's source, accounts and call records.</summary>
public static class StatusCommand
{
    /// <summary>Runs it.</summary>
    public static int Run(CommandContext context)
    {
        var arguments = context.Arguments([], []);
        context.Expect(arguments, 0, "status [--db <file or connection string>]");
        var store = context.Store(arguments);
        var output = context.Io.Out;
        output.WriteLine($"database: {store.Location.Display}{(store.AppliedMigrations.Count > 0 ? $" (migrated now: {string.Join(", ", store.AppliedMigrations)})" : "")}");
        var source = store.ConfigurationSource();
        var config = store.LoadConfiguration();
        output.WriteLine(config is null
            ? "configuration: none stored (the server imports its topology's concierge: section on first start; or ./run-server.sh import <file>)"
            : $"configuration: {config.Tenants.Count} tenants, {config.DdiEntries.Count} DDI entries, {config.NightVariants.Count} variants, " +
              $"{config.Announcements.Count} announcements, {config.Attendants.Count} attendants; imported from {source?.Source} at {source?.ImportedAt:u}");
        var accounts = store.Accounts();
        output.WriteLine($"accounts: {accounts.Count} ({string.Join(", ", Enum.GetValues<AccountRole>().Select(r => $"{accounts.Count(a => a.Role == r)} {r.ToString().ToLowerInvariant()}"))})" +
                         (accounts.Any(a => a.Role == AccountRole.Administrator) ? "" : " — no administrator: the server starts only with --dev"));
        output.WriteLine($"call records: {store.CallRecordCount()}");
        return 0;
    }
}
