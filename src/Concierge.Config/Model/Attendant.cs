using Concierge.Config.Numbers;

namespace Concierge.Config.Model;

/// <summary>
/// An attendant working place: the device an attendant logs on at, its personal line on the CPS, an optional personal
/// greeting, and for a Unify Phone device the registered ONS/OND pair (absent: no pair registered).
/// </summary>
public sealed record Attendant(E164Number Device, string? Alias, E164Number PersonalLine, string? Greeting, OnsOndPair? UnifyPhone)
{
    /// <summary>The tenant the attendant works for (C 8.3): it sees and handles only that tenant's calls.</summary>
    public string Tenant { get; init; } = Model.Tenant.DefaultName;
}
