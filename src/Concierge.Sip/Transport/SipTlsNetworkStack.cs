using System.Net;
using System.Net.Sockets;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Transports;

namespace Concierge.Sip.Transport;

/// <summary>
/// Stream sockets wrapped in TLS (SslStream) for <see cref="SipTransportOptions.TlsStack"/>: listens with the
/// configured server certificate, connects with the configured peer validation, and posts all input to the loop.
/// Datagrams are not offered (SIP over DTLS is out of scope).
/// </summary>
public sealed class SipTlsNetworkStack : INetworkStack
{
    private readonly IEventLoop _loop;
    private readonly SipTlsOptions _options;

    /// <summary>Creates a TLS stack bound to <paramref name="address"/>.</summary>
    public SipTlsNetworkStack(IEventLoop loop, IPAddress address, SipTlsOptions options)
    {
        _loop = loop ?? throw new ArgumentNullException(nameof(loop));
        Address = address ?? throw new ArgumentNullException(nameof(address));
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <inheritdoc />
    public IPAddress Address { get; }

    /// <inheritdoc />
    public IDatagramTransport BindDatagram(int port, DatagramReceived onReceive) =>
        throw new TransportException("the TLS stack carries streams only");

    /// <inheritdoc />
    public IStreamListener Listen(int port, StreamAcceptor acceptor)
    {
        ArgumentNullException.ThrowIfNull(acceptor);
        if (_options.ServerCertificate is null) throw new TransportException("TLS listening needs a server certificate");
        var socket = new Socket(Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(Address, port));
            socket.Listen(128);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw new TransportException($"cannot listen on TLS {Address}:{port}: {ex.SocketErrorCode}", ex);
        }
        return new Listener(socket, _loop, _options, acceptor);
    }

    /// <inheritdoc />
    public IStreamConnection Connect(IPEndPoint remote, IStreamHandler handler)
    {
        ArgumentNullException.ThrowIfNull(remote);
        ArgumentNullException.ThrowIfNull(handler);
        var socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(Address, 0));
        var connection = new SipTlsStreamConnection(socket, _loop, _options, handler, remote);
        _ = connection.RunClientAsync();
        return connection;
    }

    private sealed class Listener : IStreamListener
    {
        private readonly Socket _socket;
        private readonly IEventLoop _loop;
        private readonly SipTlsOptions _options;
        private readonly StreamAcceptor _acceptor;

        public Listener(Socket socket, IEventLoop loop, SipTlsOptions options, StreamAcceptor acceptor)
        {
            _socket = socket;
            _loop = loop;
            _options = options;
            _acceptor = acceptor;
            LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
            _ = AcceptLoopAsync();
        }

        public IPEndPoint LocalEndPoint { get; }

        public void Dispose() => _socket.Dispose();

        private async Task AcceptLoopAsync()
        {
            while (true)
            {
                Socket accepted;
                try
                {
                    accepted = await _socket.AcceptAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is ObjectDisposedException or SocketException)
                {
                    return;
                }
                var connection = new SipTlsStreamConnection(accepted, _loop, _options, handler: null, (IPEndPoint)accepted.RemoteEndPoint!);
                _ = connection.RunServerAsync(_acceptor);
            }
        }
    }
}
