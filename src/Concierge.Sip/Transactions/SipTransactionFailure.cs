namespace Concierge.Sip.Transactions;

/// <summary>Why a transaction ended without the response it waited for.</summary>
public enum SipTransactionFailure
{
    /// <summary>Timer B or F (client) or H (server, no ACK) fired.</summary>
    Timeout,

    /// <summary>The transport could not deliver a message (connect refused, connection lost, send error).</summary>
    TransportError,
}
