namespace Concierge.Sip.Transactions;

/// <summary>The states of the four RFC 3261 §17 transaction machines (plus Accepted from RFC 6026).</summary>
public enum SipTransactionState
{
    /// <summary>INVITE client: request sent, nothing heard.</summary>
    Calling,

    /// <summary>Non-INVITE client or server: request sent / received, no response yet.</summary>
    Trying,

    /// <summary>A provisional response was received or sent.</summary>
    Proceeding,

    /// <summary>INVITE: a 2xx passed; retransmitted 2xx (client) or INVITE (server) are absorbed until timer L/M (RFC 6026).</summary>
    Accepted,

    /// <summary>A final response was received or sent; retransmissions are absorbed or answered.</summary>
    Completed,

    /// <summary>INVITE server: the ACK for a non-2xx final response arrived.</summary>
    Confirmed,

    /// <summary>Finished; the transaction is forgotten.</summary>
    Terminated,
}
