using System.Net;

namespace Concierge.Runtime.Transports;

/// <summary>A bound datagram socket (UDP, simulated or real). Send is fire-and-forget; loss is the network's business.</summary>
public interface IDatagramTransport : IDisposable
{
    /// <summary>The address and port this transport is bound to.</summary>
    IPEndPoint LocalEndPoint { get; }

    /// <summary>Sends one datagram; the payload is copied before the call returns.</summary>
    void Send(ReadOnlySpan<byte> payload, IPEndPoint remote);
}
