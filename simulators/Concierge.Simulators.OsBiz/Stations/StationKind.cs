namespace Concierge.Simulators.OsBiz.Stations;

/// <summary>The kinds of station that matter for Unify Phone (U 1.1, 3.4).</summary>
public enum StationKind
{
    /// <summary>An IP desk phone (may be twinned with a Unify Phone user).</summary>
    IpDeskPhone,
    /// <summary>A TDM desk phone (may be twinned).</summary>
    TdmDeskPhone,
    /// <summary>A cordless (DECT) subscriber: not approved with Unify Phone.</summary>
    Cordless,
    /// <summary>A virtual station of type Trusted External User: what every Unify Phone user is.</summary>
    TrustedExternalUser,
    /// <summary>A Mobility User of another type (e.g. changed in Expert Mode): no Unify Phone calls.</summary>
    MobilityUser,
}

/// <summary>Reading station kinds from topology text.</summary>
public static class StationKinds
{
    /// <summary>The kind named <paramref name="text"/> (ipDeskPhone, tdmDeskPhone, cordless, trustedExternalUser, mobilityUser), or null.</summary>
    public static StationKind? Parse(string text) => text switch
    {
        "ipDeskPhone" => StationKind.IpDeskPhone,
        "tdmDeskPhone" => StationKind.TdmDeskPhone,
        "cordless" => StationKind.Cordless,
        "trustedExternalUser" => StationKind.TrustedExternalUser,
        "mobilityUser" => StationKind.MobilityUser,
        _ => null,
    };

    /// <summary>True for the desk phones a Unify Phone user may be twinned with.</summary>
    public static bool IsDeskPhone(this StationKind kind) => kind is StationKind.IpDeskPhone or StationKind.TdmDeskPhone;
}
