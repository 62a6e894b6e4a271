using System.Buffers;
using System.Net;
using Concierge.Runtime.Time;

namespace Concierge.Runtime.Transports.Simulated;

/// <summary>
/// One side of a simulated TCP connection: bytes arrive in order after the link's delay, loss becomes
/// retransmission delay, and a cut or a crash breaks the connection once the loss is noticed.
/// </summary>
internal sealed class SimulatedStreamConnection : IStreamConnection
{
    private enum State { Connecting, Open, Closed }

    private readonly SimulatedHost _host;
    private readonly int _incarnation;
    private IStreamHandler? _handler;
    private SimulatedStreamConnection? _peer;
    private State _state = State.Connecting;
    private long _lastArrivalTicks;
    private bool _breakScheduled;

    public SimulatedStreamConnection(SimulatedHost host, IPEndPoint local, IPEndPoint remote, IStreamHandler? handler)
    {
        _host = host;
        _incarnation = host.Incarnation;
        _handler = handler;
        LocalEndPoint = local;
        RemoteEndPoint = remote;
        OwnsLocalPort = handler is not null;
    }

    public IPEndPoint LocalEndPoint { get; }

    public IPEndPoint RemoteEndPoint { get; }

    public bool IsOpen => _state == State.Open;

    public bool OwnsLocalPort { get; }

    private SimulatedNetwork Network => _host.Network;

    private long Now => Network.Clock.NowTicks;

    public void StartConnect()
    {
        var network = Network;
        var target = network.HostAt(RemoteEndPoint.Address);
        var deadline = Now + network.ConnectTimeout.Ticks;
        if (target is null || !target.IsUp)
        {
            Schedule(deadline, () => Fail("connection timed out"));
            return;
        }
        var link = network.LinkOf(_host.Index, target.Index);
        if (link.IsCut)
        {
            Schedule(deadline, () => Fail("connection timed out"));
            return;
        }
        var arrival = network.ArrivalTicks(link, 60, isStream: true, out _);
        var targetIncarnation = target.Incarnation;
        Schedule(arrival, () => OnSynArrived(target, targetIncarnation, link, deadline));
    }

    private void OnSynArrived(SimulatedHost target, int targetIncarnation, SimulatedLink link, long deadline)
    {
        if (_state != State.Connecting) return;
        var network = Network;
        if (link.IsCut || !target.IsUp || target.Incarnation != targetIncarnation)
        {
            Schedule(deadline, () => Fail("connection timed out"));
            return;
        }
        var back = network.LinkOf(target.Index, _host.Index);
        var replyArrival = network.ArrivalTicks(back, 60, isStream: true, out _);
        var listener = target.ListenerAt(RemoteEndPoint.Port);
        if (listener is null)
        {
            Schedule(replyArrival, () => Fail("connection refused"));
            return;
        }
        var server = target.AcceptFrom(this, listener);
        server._peer = this;
        _peer = server;
        server._state = State.Open;
        server._lastArrivalTicks = replyArrival;
        network.Counters.ConnectionsEstablished++;
        network.RecordTrace("net", $"tcp {SimulatedNetwork.Describe(LocalEndPoint)} -> {SimulatedNetwork.Describe(RemoteEndPoint)} accepted");
        server._handler = listener.Acceptor(server);
        server._handler.OnConnected(server);
        Schedule(replyArrival, OnSynAckArrived);
    }

    private void OnSynAckArrived()
    {
        if (_state != State.Connecting) return;
        _state = State.Open;
        _handler!.OnConnected(this);
    }

    private void Fail(string reason)
    {
        if (_state != State.Connecting) return;
        Network.Counters.ConnectionsFailed++;
        Network.RecordTrace("net", $"tcp {SimulatedNetwork.Describe(LocalEndPoint)} -> {SimulatedNetwork.Describe(RemoteEndPoint)} {reason}");
        EndLocally(reason, notify: true);
    }

    public void Send(ReadOnlySpan<byte> data)
    {
        if (_state != State.Open || data.IsEmpty) return;
        var peer = _peer!;
        var network = Network;
        var link = network.LinkOf(_host.Index, peer._host.Index);
        if (link.IsCut)
        {
            ScheduleBreak("connection lost: network cut");
            return;
        }
        var arrival = Math.Max(network.ArrivalTicks(link, data.Length + 40, isStream: true, out _), _lastArrivalTicks);
        _lastArrivalTicks = arrival;
        var buffer = ArrayPool<byte>.Shared.Rent(data.Length);
        data.CopyTo(buffer);
        Network.Clock.ScheduleAt(arrival, new SegmentArrival(peer, buffer, data.Length, link, peer._host.Incarnation));
    }

    /// <summary>One segment in flight, its bytes in a pooled buffer that goes back once the peer has read them.</summary>
    private sealed class SegmentArrival(SimulatedStreamConnection peer, byte[] buffer, int length, SimulatedLink link, int incarnation) : IScheduledWork
    {
        public void Run()
        {
            try
            {
                peer.OnSegmentArrived(buffer.AsSpan(0, length), link, incarnation);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private void OnSegmentArrived(ReadOnlySpan<byte> data, SimulatedLink link, int incarnation)
    {
        if (_state != State.Open || _host.Incarnation != incarnation) return;
        if (link.IsCut)
        {
            ScheduleBreak("connection lost: network cut");
            return;
        }
        Network.Counters.StreamBytesDelivered += data.Length;
        if (_peer is { } sender) Network.Observer?.Delivered(Network.Clock.Elapsed, sender._host, _host, true, data);
        _handler!.OnData(this, data);
    }

    public void Close(string reason = "closed locally")
    {
        if (_state == State.Closed) return;
        var wasOpen = _state == State.Open;
        var peer = _peer;
        EndLocally(reason, notify: false);
        var handler = _handler;
        Network.Loop.Post(() => handler?.OnClosed(this, reason));
        if (!wasOpen || peer is null) return;
        var link = Network.LinkOf(_host.Index, peer._host.Index);
        if (link.IsCut) return;
        var arrival = Math.Max(Network.ArrivalTicks(link, 40, isStream: true, out _), _lastArrivalTicks);
        Schedule(arrival, () => peer.EndByPeer("closed by peer"));
    }

    private void EndByPeer(string reason)
    {
        if (_state != State.Open) return;
        EndLocally(reason, notify: true);
    }

    private void ScheduleBreak(string reason)
    {
        if (_breakScheduled) return;
        _breakScheduled = true;
        var peer = _peer;
        if (peer is not null) peer._breakScheduled = true;
        var due = Now + Network.StreamLossDetection.Ticks;
        Schedule(due, () =>
        {
            var lost = false;
            if (_state == State.Open) { EndLocally(reason, notify: true); lost = true; }
            if (peer is not null && peer._state == State.Open) { peer.EndLocally(reason, notify: true); lost = true; }
            if (lost) Network.Counters.ConnectionsLost++;
        });
    }

    public void DropByCrash()
    {
        var peer = _peer;
        _state = State.Closed;
        if (peer is null || peer._state != State.Open) return;
        peer._breakScheduled = true;
        Schedule(Now + Network.StreamLossDetection.Ticks, () =>
        {
            if (peer._state != State.Open) return;
            Network.Counters.ConnectionsLost++;
            peer.EndLocally("connection lost: peer crashed", notify: true);
        });
    }

    private void EndLocally(string reason, bool notify)
    {
        _state = State.Closed;
        if (_host.Incarnation == _incarnation) _host.Forget(this);
        if (notify) _handler?.OnClosed(this, reason);
    }

    private void Schedule(long dueTicks, Action action) => Network.Clock.ScheduleAt(dueTicks, new Deferred(action));

    private sealed class Deferred(Action action) : IScheduledWork
    {
        public void Run() => action();
    }
}
