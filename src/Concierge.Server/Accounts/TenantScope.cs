using Concierge.Config.Model;
using Concierge.Config.Numbers;
using Concierge.Cps.Calls;
using Concierge.Store.Accounts;

namespace Concierge.Server.Accounts;

/// <summary>
/// Which tenant a device or a live call belongs to, so an account sees and changes only its own tenant's: an
/// attendant device belongs to its attendant's tenant; a call to its DDI entry's tenant, a personal-line call to
/// the line owner's; an administrator serves every tenant.
/// </summary>
public static class TenantScope
{
    /// <summary>The tenant of the attendant at <paramref name="device"/>, or null when no attendant works there.</summary>
    public static string? OfDevice(ConciergeConfig config, E164Number device) =>
        config.FindAttendant(device) is { } attendant ? config.TenantOf(attendant) : null;

    /// <summary>The tenant of <paramref name="call"/>.</summary>
    public static string OfCall(ConciergeConfig config, CpsCall call) =>
        call.Entry?.Tenant ?? (call.PersonalLineOwner is { } owner ? config.TenantOf(owner) : DefaultOf(config));

    /// <summary>The configuration's default tenant: DEFAULT, else the first.</summary>
    public static string DefaultOf(ConciergeConfig config) => (config.FindTenant(Tenant.DefaultName) ?? config.Tenants.First()).Name;

    /// <summary>True when <paramref name="account"/> may see and act on <paramref name="device"/>.</summary>
    public static bool MayUseDevice(Account account, ConciergeConfig config, E164Number device) =>
        OfDevice(config, device) is { } tenant && account.Serves(tenant);

    /// <summary>True when <paramref name="account"/> may see and act on <paramref name="call"/>.</summary>
    public static bool MayUseCall(Account account, ConciergeConfig config, CpsCall call) => account.Serves(OfCall(config, call));
}
