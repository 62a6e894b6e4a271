namespace Concierge.Runtime.Transports;

/// <summary>Chooses the handler for a newly accepted connection (called on the event loop before OnConnected).</summary>
public delegate IStreamHandler StreamAcceptor(IStreamConnection connection);
