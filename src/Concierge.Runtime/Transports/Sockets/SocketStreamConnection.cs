using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Concierge.Runtime.Loop;

namespace Concierge.Runtime.Transports.Sockets;

/// <summary>
/// A TCP connection (optionally secured, e.g. TLS): a reader task posts data to the loop, a writer task drains the
/// send queue in order. Every handler callback runs on the loop; OnClosed exactly once.
/// </summary>
internal sealed class SocketStreamConnection : IStreamConnection
{
    private readonly Socket _socket;
    private readonly IEventLoop _loop;
    private readonly IStreamSecurity? _security;
    private readonly Channel<byte[]> _sendQueue = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private IStreamHandler? _handler;
    private Stream? _stream;
    private int _closed;
    private bool _pumpsStarted;
    private int _releaseVotes; // the socket is disposed once both the close and the writer have finished

    public SocketStreamConnection(Socket socket, IEventLoop loop, IStreamHandler? handler, IPEndPoint remote, IStreamSecurity? security)
    {
        _socket = socket;
        _loop = loop;
        _handler = handler;
        _security = security;
        RemoteEndPoint = remote;
        LocalEndPoint = socket.LocalEndPoint as IPEndPoint ?? new IPEndPoint(IPAddress.Any, 0);
    }

    public IPEndPoint LocalEndPoint { get; private set; }

    public IPEndPoint RemoteEndPoint { get; }

    public bool IsOpen { get; private set; }

    public void StartConnect() => _ = ConnectAsync();

    /// <summary>An accepted socket: secures it (off the loop), then asks <paramref name="acceptor"/> for the handler on the loop.</summary>
    public async Task AcceptAsync(StreamAcceptor acceptor)
    {
        Stream stream;
        try
        {
            stream = await OpenStreamAsync(asServer: true).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _socket.Dispose(); // a failed handshake (bad certificate, timeout, reset) just drops this connection
            return;
        }
        _loop.Post(() =>
        {
            _stream = stream;
            _handler = acceptor(this);
            Opened();
        });
    }

    public void Send(ReadOnlySpan<byte> data)
    {
        if (!IsOpen || data.IsEmpty) return;
        _sendQueue.Writer.TryWrite(data.ToArray());
    }

    public void Close(string reason = "closed locally") => Finish(reason);

    private async Task ConnectAsync()
    {
        Stream stream;
        try
        {
            await _socket.ConnectAsync(RemoteEndPoint).ConfigureAwait(false);
            LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
            stream = await OpenStreamAsync(asServer: false).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            var reason = ex.SocketErrorCode == SocketError.ConnectionRefused ? "connection refused" : $"connect failed: {ex.SocketErrorCode}";
            _loop.Post(() => Finish(reason));
            return;
        }
        catch (ObjectDisposedException) { return; }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _loop.Post(() => Finish("secure connect failed: " + ex.Message));
            return;
        }
        _loop.Post(() =>
        {
            _stream = stream;
            Opened();
        });
    }

    private async Task<Stream> OpenStreamAsync(bool asServer)
    {
        Stream network = new NetworkStream(_socket, ownsSocket: false);
        if (_security is null) return network;
        return asServer
            ? await _security.SecureServerAsync(network, RemoteEndPoint).ConfigureAwait(false)
            : await _security.SecureClientAsync(network, RemoteEndPoint).ConfigureAwait(false);
    }

    /// <summary>Runs on the loop once the stream is ready.</summary>
    private void Opened()
    {
        if (Volatile.Read(ref _closed) != 0)
        {
            _stream?.Dispose();
            return;
        }
        IsOpen = true;
        _handler!.OnConnected(this);
        _pumpsStarted = true;
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
                read = await _stream!.ReadAsync(buffer).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or IOException)
            {
                var reason = (ex as SocketException ?? ex.InnerException as SocketException) is { } se ? $"connection lost: {se.SocketErrorCode}" : "connection lost";
                _loop.Post(() => Finish(reason));
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
                await _stream!.WriteAsync(chunk).ConfigureAwait(false);
            _socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or IOException)
        {
            _loop.Post(() => Finish("connection lost while sending"));
        }
        finally
        {
            VoteRelease();
        }
    }

    /// <summary>Runs on the loop: marks the connection closed, tells the handler once, releases the socket.</summary>
    private void Finish(string reason)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0) return;
        IsOpen = false;
        _sendQueue.Writer.TryComplete();
        if (!_pumpsStarted) VoteRelease(); // no writer will ever vote
        VoteRelease();
        _handler?.OnClosed(this, reason);
    }

    private void VoteRelease()
    {
        if (Interlocked.Increment(ref _releaseVotes) != 2) return;
        _stream?.Dispose();
        _socket.Dispose();
    }
}
