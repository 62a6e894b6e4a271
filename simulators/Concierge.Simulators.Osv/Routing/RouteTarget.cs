using Concierge.Simulators.Osv.Configuration;

namespace Concierge.Simulators.Osv.Routing;

/// <summary>Where the numbering plan sends a number.</summary>
public abstract record RouteTarget(string Digits);

/// <summary>A destination's route list (SIP endpoints), with or without fallback to the BG numbering plan.</summary>
public sealed record DestinationTarget(string Digits, DestinationConfig Destination) : RouteTarget(Digits);

/// <summary>A subscriber of a business group.</summary>
public sealed record SubscriberTarget(string Digits, SubscriberConfig Subscriber) : RouteTarget(Digits);

/// <summary>A hunt group of a business group.</summary>
public sealed record HuntGroupTarget(string Digits, HuntGroupConfig HuntGroup) : RouteTarget(Digits);

/// <summary>No route: the caller gets <see cref="Status"/>.</summary>
public sealed record NoRoute(string Digits, int Status, string Why) : RouteTarget(Digits);

/// <summary>A feature code dialed by a subscriber (OpenScape 4000 "*17" malicious call trace, "*19" busy override).</summary>
public sealed record FeatureTarget(string Digits, SwitchFeature Feature, string? Argument) : RouteTarget(Digits);

/// <summary>The subscriber features a switch carries out on a dialed code.</summary>
public enum SwitchFeature
{
    /// <summary>Malicious call identification: the party the dialing device talks to is traced (C 5.8).</summary>
    MaliciousCallTrace,
    /// <summary>Busy override (knocking override): the busy destination in <see cref="FeatureTarget.Argument"/> is rung anyway (C 5.9).</summary>
    BusyOverride,
}
