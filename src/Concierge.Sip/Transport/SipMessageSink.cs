using Concierge.Sip.Message;

namespace Concierge.Sip.Transport;

/// <summary>Receives each parsed message with where it came from (on the event loop).</summary>
public delegate void SipMessageSink(SipMessage message, SipEndPoint source);
