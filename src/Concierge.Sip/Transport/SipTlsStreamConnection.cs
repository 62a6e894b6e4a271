using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Threading.Channels;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Transports;

namespace Concierge.Sip.Transport;

/// <summary>
/// One TLS connection over a real socket: handshake, a reader posting decrypted data to the loop, a writer draining
/// a queue in order. Every handler callback runs on the loop; OnClosed exactly once.
/// </summary>
internal sealed class SipTlsStreamConnection : IStreamConnection
{
    private readonly Socket _socket;
    private readonly IEventLoop _loop;
    private readonly SipTlsOptions _options;
    private readonly Channel<byte[]> _sendQueue = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private IStreamHandler? _handler;
    private SslStream? _ssl;
    private int _closed;

    public SipTlsStreamConnection(Socket socket, IEventLoop loop, SipTlsOptions options, IStreamHandler? handler, IPEndPoint remote)
    {
        _socket = socket;
        _loop = loop;
        _options = options;
        _handler = handler;
        RemoteEndPoint = remote;
        LocalEndPoint = socket.LocalEndPoint as IPEndPoint ?? new IPEndPoint(IPAddress.Any, 0);
    }

    public IPEndPoint LocalEndPoint { get; private set; }

    public IPEndPoint RemoteEndPoint { get; }

    public bool IsOpen { get; private set; }

    public void Send(ReadOnlySpan<byte> data)
    {
        if (!IsOpen || data.IsEmpty) return;
        _sendQueue.Writer.TryWrite(data.ToArray());
    }

    public void Close(string reason = "closed locally") => Finish(reason);

    /// <summary>Connects and handshakes as a client (runs off the loop; reports on it).</summary>
    public async Task RunClientAsync()
    {
        try
        {
            await _socket.ConnectAsync(RemoteEndPoint).ConfigureAwait(false);
            LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
            var ssl = new SslStream(new NetworkStream(_socket, ownsSocket: true), leaveInnerStreamOpen: false);
            using var timeout = new CancellationTokenSource(_options.HandshakeTimeout);
            await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = _options.TargetHost ?? RemoteEndPoint.Address.ToString(),
                ClientCertificates = _options.ClientCertificate is { } c ? [c] : null,
                EnabledSslProtocols = _options.Protocols,
                RemoteCertificateValidationCallback = _options.ValidatePeer,
            }, timeout.Token).ConfigureAwait(false);
            _ssl = ssl;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _loop.Post(() => Finish("TLS connect failed: " + ex.Message));
            return;
        }
        _loop.Post(Opened);
    }

    /// <summary>Handshakes as a server on an accepted socket, then asks <paramref name="acceptor"/> for the handler on the loop.</summary>
    public async Task RunServerAsync(StreamAcceptor acceptor)
    {
        try
        {
            var ssl = new SslStream(new NetworkStream(_socket, ownsSocket: true), leaveInnerStreamOpen: false);
            using var timeout = new CancellationTokenSource(_options.HandshakeTimeout);
            await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
            {
                ServerCertificate = _options.ServerCertificate,
                ClientCertificateRequired = _options.RequireClientCertificate,
                EnabledSslProtocols = _options.Protocols,
                RemoteCertificateValidationCallback = (sender, certificate, chain, errors) => certificate is null
                    ? !_options.RequireClientCertificate
                    : _options.ValidatePeer?.Invoke(sender, certificate, chain, errors) ?? errors == SslPolicyErrors.None,
            }, timeout.Token).ConfigureAwait(false);
            _ssl = ssl;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A failed handshake (bad certificate, timeout, reset) just drops this connection.
            _socket.Dispose();
            return;
        }
        _loop.Post(() =>
        {
            _handler = acceptor(this);
            Opened();
        });
    }

    private void Opened()
    {
        if (Volatile.Read(ref _closed) != 0) return;
        IsOpen = true;
        _handler!.OnConnected(this);
        _ = ReadLoopAsync();
        _ = WriteLoopAsync();
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            int read;
            try
            {
                read = await _ssl!.ReadAsync(buffer).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException)
            {
                _loop.Post(() => Finish("connection lost"));
                return;
            }
            if (read == 0)
            {
                _loop.Post(() => Finish("closed by peer"));
                return;
            }
            var copy = buffer.AsSpan(0, read).ToArray();
            _loop.Post(() =>
            {
                if (IsOpen) _handler!.OnData(this, copy);
            });
        }
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            await foreach (var chunk in _sendQueue.Reader.ReadAllAsync().ConfigureAwait(false))
                await _ssl!.WriteAsync(chunk).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException)
        {
            _loop.Post(() => Finish("connection lost while sending"));
        }
    }

    private void Finish(string reason)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0) return;
        IsOpen = false;
        _sendQueue.Writer.TryComplete();
        _ssl?.Dispose();
        _socket.Dispose();
        _handler?.OnClosed(this, reason);
    }
}
