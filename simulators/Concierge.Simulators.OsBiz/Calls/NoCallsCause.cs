namespace Concierge.Simulators.OsBiz.Calls;

/// <summary>The FAQ's causes of "no calls with Unify Phone-Client possible" (U 5.3), each an explicit refusal.</summary>
public enum NoCallsCause
{
    /// <summary>OpenScape Business is not under Software support.</summary>
    NoSoftwareSupport,
    /// <summary>No Unify Phone trunk lines are configured, or all are busy.</summary>
    NoFreeTrunkLine,
    /// <summary>The Mobility User has no license or the Unify Phone license expired.</summary>
    NoLicense,
    /// <summary>The Mobility User is not of type Trusted External User.</summary>
    NotTrustedExternalUser,
    /// <summary>The route parameter "Trusted External User" is off.</summary>
    RouteFlagOff,
    /// <summary>The mobile call number does not match the Unify Phone numbering plan.</summary>
    NumberNotInNumberingPlan,
    /// <summary>Configuration was changed in Expert Mode, not by the wizards.</summary>
    ExpertModeChange,
}

/// <summary>The FAQ's words for each cause: the reason phrase of the refusal on the trunk.</summary>
public static class NoCallsCauses
{
    /// <summary>The FAQ text of <paramref name="cause"/>.</summary>
    public static string Text(this NoCallsCause cause) => cause switch
    {
        NoCallsCause.NoSoftwareSupport => "OpenScape Business is not under Software support",
        NoCallsCause.NoFreeTrunkLine => "no Unify Phone trunk lines are configured, or all Unify Phone trunk lines resp. shared trunk lines are busy",
        NoCallsCause.NoLicense => "assigned Mobility User does not have a license or Unify Phone license is expired",
        NoCallsCause.NotTrustedExternalUser => "Mobility User is not of type 'Trusted external User'",
        NoCallsCause.RouteFlagOff => "Route parameter 'Trusted external User' is deactivated",
        NoCallsCause.NumberNotInNumberingPlan => "the Mobile call number does not match the Unify Phone numbering plan",
        NoCallsCause.ExpertModeChange => "configuration changes are applied via Expert Mode and not via the Wizard(s)",
        _ => throw new ArgumentOutOfRangeException(nameof(cause), cause, "unknown cause"),
    };

    /// <summary>The SIP status a refusal carries: 503 for busy lines, 403 for the rest.</summary>
    public static int SipStatus(this NoCallsCause cause) => cause == NoCallsCause.NoFreeTrunkLine ? 503 : 403;

    /// <summary>The cause whose FAQ text is <paramref name="text"/>, or null.</summary>
    public static NoCallsCause? FromText(string text) =>
        Enum.GetValues<NoCallsCause>().Select(c => (NoCallsCause?)c).FirstOrDefault(c => c!.Value.Text() == text);
}
