using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Concierge.Runtime.Loop;

namespace Concierge.Runtime.Transports.Sockets;

/// <summary>A TCP connection: a reader task posts data to the loop, a writer task drains the send queue in order.</summary>
internal sealed class SocketStreamConnection : IStreamConnection
{
    private readonly Socket _socket;
    private readonly IEventLoop _loop;
    private readonly Channel<byte[]> _sendQueue = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private IStreamHandler? _handler;
    private int _closed;
    private bool _pumpsStarted;
    private int _releaseVotes; // the socket is disposed once both the close and the writer have finished

    public SocketStreamConnection(Socket socket, IEventLoop loop, IStreamHandler? handler, IPEndPoint remote)
    {
        _socket = socket;
        _loop = loop;
        _handler = handler;
        RemoteEndPoint = remote;
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
    }

    public IPEndPoint LocalEndPoint { get; }

    public IPEndPoint RemoteEndPoint { get; }

    public bool IsOpen { get; private set; }

    public void StartConnect() => _ = ConnectAsync();

    public void AcceptWith(IStreamHandler handler)
    {
        _handler = handler;
        IsOpen = true;
        handler.OnConnected(this);
        StartPumps();
    }

    public void Send(ReadOnlySpan<byte> data)
    {
        if (!IsOpen || data.IsEmpty) return;
        _sendQueue.Writer.TryWrite(data.ToArray());
    }

    public void Close(string reason = "closed locally") => Finish(reason);

    private async Task ConnectAsync()
    {
        try
        {
            await _socket.ConnectAsync(RemoteEndPoint).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            var reason = ex.SocketErrorCode == SocketError.ConnectionRefused ? "connection refused" : $"connect failed: {ex.SocketErrorCode}";
            _loop.Post(() => Finish(reason));
            return;
        }
        catch (ObjectDisposedException) { return; }
        _loop.Post(() =>
        {
            if (Volatile.Read(ref _closed) != 0) return;
            IsOpen = true;
            _handler!.OnConnected(this);
            StartPumps();
        });
    }

    private void StartPumps()
    {
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
                read = await _socket.ReceiveAsync(buffer, SocketFlags.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                var reason = ex is SocketException se ? $"connection lost: {se.SocketErrorCode}" : "closed";
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
            {
                var offset = 0;
                while (offset < chunk.Length)
                    offset += await _socket.SendAsync(chunk.AsMemory(offset), SocketFlags.None).ConfigureAwait(false);
            }
            _socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
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
        if (Interlocked.Increment(ref _releaseVotes) == 2) _socket.Dispose();
    }
}
