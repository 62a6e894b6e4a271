using Concierge.Sip.Message;
using Concierge.Sip.Transport;

namespace Concierge.Sip.Transactions;

/// <summary>One message the transaction layer wants sent, and the transaction it belongs to (if any).</summary>
public sealed record SipTransmit(SipMessage Message, SipEndPoint Destination, SipTransaction? Transaction);
