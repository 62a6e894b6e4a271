using System.Net;

namespace Concierge.Runtime.Transports;

/// <summary>Called on the event loop for each datagram that arrives; the payload is only valid during the call.</summary>
public delegate void DatagramReceived(ReadOnlySpan<byte> payload, IPEndPoint from);
