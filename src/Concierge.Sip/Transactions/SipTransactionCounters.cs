namespace Concierge.Sip.Transactions;

/// <summary>What the transaction layer did so far (for tests, traces and health).</summary>
public sealed class SipTransactionCounters
{
    /// <summary>Client transactions started.</summary>
    public long ClientTransactions { get; internal set; }

    /// <summary>Server transactions created.</summary>
    public long ServerTransactions { get; internal set; }

    /// <summary>Requests or responses sent again by timers A, E or G.</summary>
    public long Retransmissions { get; internal set; }

    /// <summary>Retransmitted requests absorbed by a server transaction.</summary>
    public long RequestsAbsorbed { get; internal set; }

    /// <summary>Retransmitted responses absorbed by a client transaction.</summary>
    public long ResponsesAbsorbed { get; internal set; }

    /// <summary>Responses that matched no client transaction.</summary>
    public long StrayResponses { get; internal set; }

    /// <summary>Transactions ended by timer B, F or H.</summary>
    public long Timeouts { get; internal set; }

    /// <summary>Responses the user tried to send after the final one.</summary>
    public long LateResponsesDropped { get; internal set; }

    /// <summary>Messages without the headers needed to match a transaction.</summary>
    public long Unmatchable { get; internal set; }
}
