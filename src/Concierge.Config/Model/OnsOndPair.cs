using Concierge.Config.Numbers;

namespace Concierge.Config.Model;

/// <summary>A Unify Phone's One Number Service number and its One Number Service Device, registered in Concierge (C 4.3.5.2).</summary>
public sealed record OnsOndPair(E164Number Ons, E164Number Ond);
