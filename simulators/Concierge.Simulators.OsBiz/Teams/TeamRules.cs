using Concierge.Simulators.OsBiz.Stations;

namespace Concierge.Simulators.OsBiz.Teams;

/// <summary>The HowTo's rules for a team with a Unify Phone user (U 3.4).</summary>
public static class TeamRules
{
    /// <summary>A cordless subscriber was named.</summary>
    public const string CordlessNotApproved = "Cordless subscribers are not approved in connection with Unify Phone";

    /// <summary>Not exactly one desk phone was named.</summary>
    public const string ExactlyOneDeskPhone = "Only one IP or TDM desk phone can be included in the Team configuration with the Unify Phone User";

    /// <summary>Why a team of <paramref name="phones"/> (their kinds) with a Unify Phone user is refused, or null.</summary>
    public static string? Refusal(IReadOnlyList<StationKind> phones)
    {
        if (phones.Contains(StationKind.Cordless)) return CordlessNotApproved;
        if (phones.Count != 1 || !phones[0].IsDeskPhone()) return ExactlyOneDeskPhone;
        return null;
    }
}
