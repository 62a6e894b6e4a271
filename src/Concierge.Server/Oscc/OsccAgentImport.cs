using Concierge.Store;
using Concierge.Store.Accounts;

namespace Concierge.Server.Oscc;

/// <summary>What an OSCC agents import did: the accounts it created, and the selected users whose account existed already.</summary>
public sealed record OsccImportResult(IReadOnlyList<string> Imported, IReadOnlyList<string> Unchanged);

/// <summary>
/// The OSCC agents import (C 8.11): the selected OSCC users become user accounts <c>&lt;tenant&gt;\&lt;user&gt;</c> of the
/// manager's tenant, so the Concierge accounts match the OSCC agents. Passwords are not synchronised: an imported
/// account has none and cannot log on until a manager sets one. An account that exists is left as it is. A selection
/// naming a user the export does not list is refused whole.
/// </summary>
public static class OsccAgentImport
{
    /// <summary>Imports <paramref name="selected"/> of <paramref name="agents"/> into <paramref name="tenant"/>; throws <see cref="ArgumentException"/> naming an unknown user.</summary>
    public static OsccImportResult Import(ConciergeStore store, string tenant, IReadOnlyList<OsccAgent> agents, IReadOnlyList<string> selected, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(store);
        var byUser = agents.ToDictionary(a => a.User, StringComparer.OrdinalIgnoreCase);
        if (selected.FirstOrDefault(u => !byUser.ContainsKey(u)) is { } unknown)
            throw new ArgumentException($"\"{unknown}\" is not a user of the OSCC agent export", nameof(selected));
        var imported = new List<string>();
        var unchanged = new List<string>();
        foreach (var user in selected.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var name = new AccountName(tenant, byUser[user].User);
            if (store.FindAccount(name) is not null) unchanged.Add(name.ToString());
            else
            {
                store.AddAccount(name, AccountRole.User, PasswordHash.NotSet, now);
                imported.Add(name.ToString());
            }
        }
        return new OsccImportResult(imported, unchanged);
    }
}
