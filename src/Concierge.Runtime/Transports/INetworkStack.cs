using System.Net;

namespace Concierge.Runtime.Transports;

/// <summary>
/// A host's view of the network: the one thing an engine is given to open sockets. The simulated network gives
/// each simulated host one; the server gives the engines a socket-backed one. Every callback runs on the event loop.
/// </summary>
public interface INetworkStack
{
    /// <summary>This host's primary address.</summary>
    IPAddress Address { get; }

    /// <summary>Binds a datagram transport on <paramref name="port"/> (0 picks a free port).</summary>
    IDatagramTransport BindDatagram(int port, DatagramReceived onReceive);

    /// <summary>Listens for stream connections on <paramref name="port"/> (0 picks a free port).</summary>
    IStreamListener Listen(int port, StreamAcceptor acceptor);

    /// <summary>Starts connecting to <paramref name="remote"/>; the handler hears OnConnected or OnClosed.</summary>
    IStreamConnection Connect(IPEndPoint remote, IStreamHandler handler);
}
