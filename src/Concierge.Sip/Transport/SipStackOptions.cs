using Concierge.Runtime.Faults;
using Concierge.Sip.Transactions;
using Concierge.Sip.Validation;

namespace Concierge.Sip.Transport;

/// <summary>How a <see cref="SipStack"/> is set up: transports, timers, request checks, bounds.</summary>
public sealed record SipStackOptions
{
    /// <summary>Which transports to open.</summary>
    public SipTransportOptions Transport { get; init; } = new();

    /// <summary>RFC 3261 timer values.</summary>
    public SipTimerSettings Timers { get; init; } = SipTimerSettings.Default;

    /// <summary>Checks applied to every received request before the transaction layer; null skips them.</summary>
    public SipValidatorOptions? Validation { get; init; } = SipValidatorOptions.Endpoint;

    /// <summary>Most live transactions.</summary>
    public int MaxTransactions { get; init; } = 200_000;

    /// <summary>
    /// What an exception thrown by a handler of a received request, response or failure does: leave the stack
    /// (the default: a bug fails the run that found it) or be counted in <see cref="SipStack.HandlerFaults"/> (a
    /// server on real sockets). An invariant break is never contained.
    /// </summary>
    public HandlerFaultPolicy HandlerFaults { get; init; } = HandlerFaultPolicy.Propagate;

    /// <summary>Name used in traces (e.g. "cps", "osv").</summary>
    public string Name { get; init; } = "sip";
}
