using Concierge.Runtime.Faults;

namespace Concierge.Cps;

/// <summary>A CPS invariant was broken: a bug, reported loudly (in simulation with the seed) rather than hidden.</summary>
public sealed class CpsInvariantException(string message) : InvariantException(message);
