namespace Concierge.Simulators.UnifyPhone.Tenant;

/// <summary>
/// The trunk the tenant set up for one OpenScape Business system when its Unify Phone Connectivity wizard ran with the
/// tenant's API key (U 3.2: each system gets its own trunk). <see cref="ApiKey"/> is the key it was set up with; once
/// the tenant's key is regenerated the trunk no longer authenticates.
/// </summary>
public sealed record ConnectorTrunk(string Name, string System, string ApiKey);
