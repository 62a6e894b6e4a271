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
