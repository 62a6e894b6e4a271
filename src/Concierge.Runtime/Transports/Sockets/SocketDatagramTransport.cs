using System.Net;
using System.Net.Sockets;
using Concierge.Runtime.Loop;

namespace Concierge.Runtime.Transports.Sockets;

/// <summary>A UDP socket whose receive loop posts each datagram to the event loop.</summary>
internal sealed class SocketDatagramTransport : IDatagramTransport
{
    private readonly Socket _socket;
    private readonly IEventLoop _loop;
    private readonly DatagramReceived _onReceive;
    private readonly CancellationTokenSource _stop = new();

    public SocketDatagramTransport(Socket socket, IEventLoop loop, DatagramReceived onReceive, int maxDatagramBytes)
    {
        _socket = socket;
        _loop = loop;
        _onReceive = onReceive;
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
        _ = ReceiveLoopAsync(maxDatagramBytes);
    }

    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Datagrams that could not be sent (the OS refused them).</summary>
    public long SendErrors { get; private set; }

    public void Send(ReadOnlySpan<byte> payload, IPEndPoint remote)
    {
        try
        {
            _socket.SendTo(payload, SocketFlags.None, remote);
        }
        catch (SocketException)
        {
            SendErrors++;
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
    }

    private async Task ReceiveLoopAsync(int maxDatagramBytes)
    {
        var buffer = new byte[maxDatagramBytes + 1];
        EndPoint any = new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult result;
            try
            {
                result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
            {
                continue; // ICMP port unreachable from an earlier send, or an oversized datagram: not fatal.
            }
            catch (SocketException) { return; }
            if (result.ReceivedBytes > maxDatagramBytes) continue;
            var copy = buffer.AsSpan(0, result.ReceivedBytes).ToArray();
            var from = (IPEndPoint)result.RemoteEndPoint;
            _loop.Post(() => _onReceive(copy, from));
        }
    }
}
