namespace Concierge.Simulators.OsBiz.Numbering;

/// <summary>The numbering schema of Unify Phone user call numbers (U 3.2, V3R3 FR1).</summary>
public enum NumberingSchema
{
    /// <summary>E.164 format (the default; RingCentral tenants always use it).</summary>
    International,
    /// <summary>Short format (users without DID, Unify Phone for OpenScape only).</summary>
    Internal,
}
