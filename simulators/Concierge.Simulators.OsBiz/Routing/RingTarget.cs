namespace Concierge.Simulators.OsBiz.Routing;

/// <summary>What an incoming call for a Unify Phone user can ring.</summary>
public enum RingTargetKind
{
    /// <summary>The user's Unify Phone clients (over the connector trunk).</summary>
    UnifyPhone,
    /// <summary>The desk phone of the user's MULAP team.</summary>
    DeskPhone,
    /// <summary>The alternative number (over the public network).</summary>
    AlternativeNumber,
}

/// <summary>A device an incoming call rings, by its full number.</summary>
public sealed record RingTarget(RingTargetKind Kind, string FullNumber);

/// <summary>Whom a call rings first and, when nobody answers, whom it goes to next.</summary>
public sealed record RingPlan(IReadOnlyList<RingTarget> First, RingTarget? OnNoAnswer);
