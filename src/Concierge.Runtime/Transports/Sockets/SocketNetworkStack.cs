using System.Net;
using System.Net.Sockets;
using Concierge.Runtime.Loop;

namespace Concierge.Runtime.Transports.Sockets;

/// <summary>
/// The real network: UDP and TCP sockets bound to one local address, with all input posted to the loop. With a
/// <paramref name="security"/> every stream is secured (TLS) before it opens.
/// </summary>
public sealed class SocketNetworkStack(IEventLoop loop, IPAddress bindAddress, IStreamSecurity? security = null) : INetworkStack
{
    /// <inheritdoc />
    public IPAddress Address { get; } = bindAddress;

    /// <summary>The loop that receives every callback.</summary>
    public IEventLoop Loop { get; } = loop;

    /// <summary>Largest datagram accepted; longer ones are truncated by the OS and dropped here.</summary>
    public int MaxDatagramBytes { get; init; } = 65_507;

    /// <inheritdoc />
    public IDatagramTransport BindDatagram(int port, DatagramReceived onReceive)
    {
        ArgumentNullException.ThrowIfNull(onReceive);
        var socket = new Socket(Address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(Address, port));
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw new TransportException($"cannot bind UDP {Address}:{port}: {ex.SocketErrorCode}", ex);
        }
        return new SocketDatagramTransport(socket, Loop, onReceive, MaxDatagramBytes);
    }

    /// <inheritdoc />
    public IStreamListener Listen(int port, StreamAcceptor acceptor)
    {
        ArgumentNullException.ThrowIfNull(acceptor);
        var socket = new Socket(Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(Address, port));
            socket.Listen(128);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw new TransportException($"cannot listen on TCP {Address}:{port}: {ex.SocketErrorCode}", ex);
        }
        return new SocketStreamListener(socket, Loop, acceptor, security);
    }

    /// <inheritdoc />
    public IStreamConnection Connect(IPEndPoint remote, IStreamHandler handler)
    {
        ArgumentNullException.ThrowIfNull(remote);
        ArgumentNullException.ThrowIfNull(handler);
        var socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(Address, 0));
        var connection = new SocketStreamConnection(socket, Loop, handler, remote, security);
        connection.StartConnect();
        return connection;
    }
}
