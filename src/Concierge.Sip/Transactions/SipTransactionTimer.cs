namespace Concierge.Sip.Transactions;

/// <summary>The RFC 3261 §17 timers (and L/M from RFC 6026).</summary>
public enum SipTransactionTimer
{
    /// <summary>INVITE client retransmission.</summary>
    A,
    /// <summary>INVITE client timeout.</summary>
    B,
    /// <summary>INVITE client bound on Proceeding (a provisional but no final response).</summary>
    C,
    /// <summary>INVITE client wait for response retransmissions.</summary>
    D,
    /// <summary>Non-INVITE client retransmission.</summary>
    E,
    /// <summary>Non-INVITE client timeout.</summary>
    F,
    /// <summary>INVITE server response retransmission.</summary>
    G,
    /// <summary>INVITE server wait for ACK.</summary>
    H,
    /// <summary>INVITE server wait for ACK retransmissions.</summary>
    I,
    /// <summary>Non-INVITE server wait for request retransmissions.</summary>
    J,
    /// <summary>Non-INVITE client wait for response retransmissions.</summary>
    K,
    /// <summary>INVITE server wait in Accepted (RFC 6026).</summary>
    L,
    /// <summary>INVITE client wait in Accepted (RFC 6026).</summary>
    M,
}
