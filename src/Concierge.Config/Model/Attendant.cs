using Concierge.Config.Numbers;

namespace Concierge.Config.Model;

/// <summary>
/// An attendant working place: the device an attendant logs on at, its personal line on the CPS, an optional personal
/// greeting, for a Unify Phone device the registered ONS/OND pair (absent: no pair registered), and the tenant whose
/// attendants work there (null: the default tenant, see <see cref="ConciergeConfig.TenantOf(Attendant)"/>).
/// </summary>
public sealed record Attendant(E164Number Device, string? Alias, E164Number PersonalLine, string? Greeting, OnsOndPair? UnifyPhone, string? Tenant = null);
