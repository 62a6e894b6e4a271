namespace Concierge.Simulators.OsBiz.Routing;

/// <summary>
/// Who rings for an incoming call to a Unify Phone user (U 3.6.3, 3.6.4): Default rings the Unify Phone and the
/// team's desk phone, on no answer the alternative number; Desk phone and Unify Phone ring only that device (MULAP);
/// Alternative number rings only the alternative number. The alternative number is used only when one is set and the
/// user's call destination list has target 2 "** User defined".
/// </summary>
public static class RingPlanner
{
    /// <summary>The plan for a user whose Unify Phone is <paramref name="unifyPhone"/>, with the team's desk phone if any.</summary>
    public static RingPlan Plan(RoutingMode mode, string unifyPhone, string? deskPhone, string? alternativeNumber, bool target2UserDefined)
    {
        var alternative = alternativeNumber is not null && target2UserDefined ? new RingTarget(RingTargetKind.AlternativeNumber, alternativeNumber) : null;
        var up = new RingTarget(RingTargetKind.UnifyPhone, unifyPhone);
        var desk = deskPhone is null ? null : new RingTarget(RingTargetKind.DeskPhone, deskPhone);
        return mode switch
        {
            RoutingMode.DeskPhone when desk is not null => new RingPlan([desk], null),
            RoutingMode.UnifyPhone when desk is not null => new RingPlan([up], null),
            RoutingMode.AlternativeNumber when alternative is not null => new RingPlan([alternative], null),
            _ => new RingPlan(desk is null ? [up] : [up, desk], alternative),
        };
    }

    /// <summary>Why <paramref name="mode"/> cannot be chosen, or null (the alternative number itself may be set later).</summary>
    public static string? Refusal(RoutingMode mode, bool inTeam, bool target2UserDefined)
    {
        if (!mode.IsAvailable(inTeam)) return $"the routing mode '{mode.Text()}' needs a MULAP team with a desk phone";
        return mode == RoutingMode.AlternativeNumber && !target2UserDefined ? AlternativeNumberNeedsTarget2 : null;
    }

    /// <summary>The HowTo's requirement for the alternative number (U 3.6.4).</summary>
    public const string AlternativeNumberNeedsTarget2 = "the alternative number needs target 2 '** User defined' in the call destination list";
}
