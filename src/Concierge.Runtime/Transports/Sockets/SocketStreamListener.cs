using System.Net;
using System.Net.Sockets;
using Concierge.Runtime.Loop;

namespace Concierge.Runtime.Transports.Sockets;

/// <summary>A listening TCP socket; each accepted connection gets its handler on the loop.</summary>
internal sealed class SocketStreamListener : IStreamListener
{
    private readonly Socket _socket;
    private readonly IEventLoop _loop;
    private readonly StreamAcceptor _acceptor;
    private readonly IStreamSecurity? _security;

    public SocketStreamListener(Socket socket, IEventLoop loop, StreamAcceptor acceptor, IStreamSecurity? security)
    {
        _security = security;
        _socket = socket;
        _loop = loop;
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
            catch (ObjectDisposedException) { return; }
            catch (SocketException) { return; }
            var connection = new SocketStreamConnection(accepted, _loop, handler: null, (IPEndPoint)accepted.RemoteEndPoint!, _security);
            _ = connection.AcceptAsync(_acceptor);
        }
    }
}
