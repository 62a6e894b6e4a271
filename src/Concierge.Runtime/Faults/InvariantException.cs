namespace Concierge.Runtime.Faults;

/// <summary>
/// An invariant of an engine was broken: a bug, never an input to tolerate. No catch-all in an engine or a protocol
/// stack contains it; in simulation it fails the run that produced it, with the seed.
/// </summary>
public class InvariantException(string message) : Exception(message);
