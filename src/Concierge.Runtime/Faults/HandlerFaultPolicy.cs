namespace Concierge.Runtime.Faults;

/// <summary>What a stack does with an exception thrown by one of its handlers (a bug in the handler).</summary>
public enum HandlerFaultPolicy
{
    /// <summary>The exception leaves the stack: in simulation it fails the scenario, explore seed or load run, with the seed.</summary>
    Propagate,

    /// <summary>
    /// The exception is counted and kept as the last fault, and the stack goes on (a server on real sockets must not
    /// stop for one bad handler). An <see cref="InvariantException"/> is never contained.
    /// </summary>
    Contain,
}
