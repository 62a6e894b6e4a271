using System.Net;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Transports;
using Concierge.Runtime.Transports.Sockets;

namespace Concierge.Runtime.Tests.Transports;

public sealed class SocketTransportTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Udp_sockets_exchange_datagrams_on_loopback_with_callbacks_on_the_loop()
    {
        using var loop = new RealEventLoop();
        var stack = new SocketNetworkStack(loop, IPAddress.Loopback);
        var loopThread = await loop.InvokeAsync(() => Environment.CurrentManagedThreadId);
        var got = new TaskCompletionSource<(byte[], IPEndPoint, int)>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var receiver = await loop.InvokeAsync(() => stack.BindDatagram(0, (payload, from) => got.TrySetResult((payload.ToArray(), from, Environment.CurrentManagedThreadId))));
        using var sender = await loop.InvokeAsync(() => stack.BindDatagram(0, (_, _) => { }));

        await loop.InvokeAsync(() => { sender.Send("OPTIONS"u8, receiver.LocalEndPoint); return 0; });
        var (payload, from, thread) = await got.Task.WaitAsync(Patience);

        Assert.Equal("OPTIONS"u8.ToArray(), payload);
        Assert.Equal(sender.LocalEndPoint.Port, from.Port);
        Assert.Equal(loopThread, thread);
    }

    [Fact]
    public async Task Tcp_connections_carry_bytes_both_ways_on_loopback_and_report_close()
    {
        using var loop = new RealEventLoop();
        var stack = new SocketNetworkStack(loop, IPAddress.Loopback);
        var server = new SignallingStream(echo: true);
        using var listener = await loop.InvokeAsync(() => stack.Listen(0, _ => server));
        var client = new SignallingStream(echo: false);

        var connection = await loop.InvokeAsync(() => stack.Connect(listener.LocalEndPoint, client));
        await client.ConnectedTask.WaitAsync(Patience);
        await loop.InvokeAsync(() => { connection.Send("hello over tcp"u8); return 0; });
        await client.WaitForBytesAsync(14).WaitAsync(Patience);

        Assert.Equal("hello over tcp", System.Text.Encoding.ASCII.GetString(await loop.InvokeAsync(() => client.Received.ToArray())));

        await loop.InvokeAsync(() => { connection.Close(); return 0; });
        Assert.Equal("closed by peer", await server.ClosedTask.WaitAsync(Patience));
    }

    [Fact]
    public async Task Connecting_to_a_closed_port_reports_refused()
    {
        using var loop = new RealEventLoop();
        var stack = new SocketNetworkStack(loop, IPAddress.Loopback);
        int freePort;
        using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            freePort = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        var client = new SignallingStream(echo: false);

        await loop.InvokeAsync(() => stack.Connect(new IPEndPoint(IPAddress.Loopback, freePort), client));

        Assert.Equal("connection refused", await client.ClosedTask.WaitAsync(Patience));
    }

    [Fact]
    public async Task Binding_a_port_in_use_is_a_clear_transport_error()
    {
        using var loop = new RealEventLoop();
        var stack = new SocketNetworkStack(loop, IPAddress.Loopback);
        using var first = await loop.InvokeAsync(() => stack.BindDatagram(0, (_, _) => { }));
        var error = await Assert.ThrowsAsync<TransportException>(() => loop.InvokeAsync(() => stack.BindDatagram(first.LocalEndPoint.Port, (_, _) => { })));
        Assert.Contains($"cannot bind UDP 127.0.0.1:{first.LocalEndPoint.Port}", error.Message);
    }

    private sealed class SignallingStream(bool echo) : IStreamHandler
    {
        private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<string> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = new();

        public List<byte> Received { get; } = new();
        public Task ConnectedTask => _connected.Task;
        public Task<string> ClosedTask => _closed.Task;

        public Task WaitForBytesAsync(int count)
        {
            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_waiters) _waiters.Add((count, signal));
            Check();
            return signal.Task;
        }

        public void OnConnected(IStreamConnection connection) => _connected.TrySetResult();

        public void OnData(IStreamConnection connection, ReadOnlySpan<byte> data)
        {
            lock (_waiters) Received.AddRange(data.ToArray());
            if (echo) connection.Send(data);
            Check();
        }

        public void OnClosed(IStreamConnection connection, string reason) => _closed.TrySetResult(reason);

        private void Check()
        {
            lock (_waiters)
                foreach (var (count, signal) in _waiters)
                    if (Received.Count >= count) signal.TrySetResult();
        }
    }
}
