using System.Net;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Transports;
using Concierge.Runtime.Transports.Sockets;

namespace Concierge.Sip.Transport;

/// <summary>
/// Stream sockets wrapped in TLS (SslStream) for <see cref="SipTransportOptions.TlsStack"/>: the runtime's socket
/// transport with TLS as its stream security — listens with the configured server certificate, connects with the
/// configured peer validation, and posts all input to the loop. Datagrams are not offered (SIP over DTLS is out of scope).
/// </summary>
public sealed class SipTlsNetworkStack : INetworkStack
{
    private readonly SipTlsOptions _options;
    private readonly SocketNetworkStack _sockets;

    /// <summary>Creates a TLS stack bound to <paramref name="address"/>.</summary>
    public SipTlsNetworkStack(IEventLoop loop, IPAddress address, SipTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(loop);
        ArgumentNullException.ThrowIfNull(address);
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _sockets = new SocketNetworkStack(loop, address, new SslStreamSecurity(options));
    }

    /// <inheritdoc />
    public IPAddress Address => _sockets.Address;

    /// <inheritdoc />
    public IDatagramTransport BindDatagram(int port, DatagramReceived onReceive) =>
        throw new TransportException("the TLS stack carries streams only");

    /// <inheritdoc />
    public IStreamListener Listen(int port, StreamAcceptor acceptor)
    {
        if (_options.ServerCertificate is null) throw new TransportException("TLS listening needs a server certificate");
        return _sockets.Listen(port, acceptor);
    }

    /// <inheritdoc />
    public IStreamConnection Connect(IPEndPoint remote, IStreamHandler handler) => _sockets.Connect(remote, handler);
}
