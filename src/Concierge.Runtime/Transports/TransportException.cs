namespace Concierge.Runtime.Transports;

/// <summary>A transport could not do what was asked (port in use, host unknown, socket error).</summary>
public sealed class TransportException(string message, Exception? inner = null) : Exception(message, inner);
