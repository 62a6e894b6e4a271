using Concierge.Sip.Message;
using Concierge.Sip.Transport;

namespace Concierge.Sip.Transactions;

/// <summary>Something the transaction layer tells its user (the UA core) about.</summary>
public abstract record SipTransactionEvent;

/// <summary>
/// A new request (not a retransmission). Transaction is null for an ACK that matched no server transaction
/// (the ACK for a 2xx, which belongs to the dialog).
/// </summary>
public sealed record SipRequestReceived(SipRequest Request, SipEndPoint Source, SipServerTransaction? Transaction) : SipTransactionEvent;

/// <summary>
/// A response for the user: provisional and final responses of a client transaction, 2xx retransmissions while it is
/// Accepted, or a stray response that matched nothing (Transaction null).
/// </summary>
public sealed record SipResponseReceived(SipResponse Response, SipEndPoint Source, SipClientTransaction? Transaction) : SipTransactionEvent;

/// <summary>A transaction ended without what it waited for (timeout or transport error).</summary>
public sealed record SipTransactionFailed(SipTransaction Transaction, SipTransactionFailure Failure) : SipTransactionEvent;
