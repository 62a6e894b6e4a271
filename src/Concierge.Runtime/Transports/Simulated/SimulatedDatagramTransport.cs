using System.Buffers.Binary;
using System.Buffers;
using System.Globalization;
using System.Net;
using Concierge.Runtime.Time;

namespace Concierge.Runtime.Transports.Simulated;

/// <summary>A UDP socket on a simulated host.</summary>
internal sealed class SimulatedDatagramTransport : IDatagramTransport
{
    private readonly SimulatedHost _host;
    private readonly int _incarnation;
    private bool _closed;

    public SimulatedDatagramTransport(SimulatedHost host, IPEndPoint localEndPoint, DatagramReceived onReceive)
    {
        _host = host;
        _incarnation = host.Incarnation;
        LocalEndPoint = localEndPoint;
        OnReceive = onReceive;
    }

    public IPEndPoint LocalEndPoint { get; }

    public DatagramReceived OnReceive { get; }

    public bool IsLive => !_closed && _host.IsUp && _host.Incarnation == _incarnation;

    public void Send(ReadOnlySpan<byte> payload, IPEndPoint remote)
    {
        ArgumentNullException.ThrowIfNull(remote);
        if (!IsLive) return;
        var network = _host.Network;
        var counters = network.Counters;
        counters.DatagramsSent++;
        var target = network.HostAt(remote.Address);
        if (target is null)
        {
            counters.DatagramsUnreachable++;
            network.RecordTrace("net", $"udp {SimulatedNetwork.Describe(LocalEndPoint)} -> {SimulatedNetwork.Describe(remote)} unreachable");
            return;
        }
        var link = network.LinkOf(_host.Index, target.Index);
        if (link.IsCut)
        {
            counters.DatagramsDroppedByCut++;
            return;
        }
        var arrival = network.ArrivalTicks(link, payload.Length + 28, isStream: false, out var lost);
        if (arrival < 0)
        {
            counters.DatagramsDroppedByQueue++;
            return;
        }
        if (lost)
        {
            counters.DatagramsLost++;
            if (network.Trace.IsEnabled) network.RecordTrace("net", $"udp {SimulatedNetwork.Describe(LocalEndPoint)} -> {SimulatedNetwork.Describe(remote)} {payload.Length}B lost");
            return;
        }
        var clock = network.Clock;
        clock.ScheduleAt(arrival, new DatagramDelivery(network, link, _host, _host.Incarnation, target, target.Incarnation, remote.Port, InFlight(payload), payload.Length, LocalEndPoint));
        if (network.Duplicates(link))
        {
            counters.DatagramsDuplicated++;
            clock.ScheduleAt(network.ExtraCopyArrivalTicks(link),
                new DatagramDelivery(network, link, _host, _host.Incarnation, target, target.Incarnation, remote.Port, InFlight(payload), payload.Length, LocalEndPoint));
        }
    }

    /// <summary>A copy of the payload in a pooled buffer; its delivery returns it.</summary>
    private static byte[] InFlight(ReadOnlySpan<byte> payload)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(payload.Length);
        payload.CopyTo(buffer);
        return buffer;
    }

    public void Dispose()
    {
        if (_closed) return;
        _closed = true;
        _host.Unbind(this);
    }

    /// <summary>
    /// One datagram in flight; checks at arrival that the link, the receiving host and the port are still there, and
    /// that the sender did not crash meanwhile (a crash loses what the host had not yet delivered).
    /// </summary>
    private sealed class DatagramDelivery(
        SimulatedNetwork network, SimulatedLink link, SimulatedHost source, int sourceIncarnation, SimulatedHost target, int incarnation,
        int port, byte[] buffer, int length, IPEndPoint from)
        : IScheduledWork
    {
        public void Run()
        {
            try
            {
                Deliver(buffer.AsSpan(0, length));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        private void Deliver(ReadOnlySpan<byte> payload)
        {
            var counters = network.Counters;
            if (link.IsCut)
            {
                counters.DatagramsDroppedByCut++;
                return;
            }
            if (!target.IsUp || target.Incarnation != incarnation || source.Incarnation != sourceIncarnation)
            {
                counters.DatagramsDroppedByCrash++;
                return;
            }
            var receiver = target.DatagramPort(port);
            if (receiver is null || !receiver.IsLive)
            {
                counters.DatagramsUnreachable++;
                return;
            }
            counters.DatagramsDelivered++;
            if (network.Trace.IsEnabled)
            {
                Span<char> line = stackalloc char[256];
                if (line.TryWrite(CultureInfo.InvariantCulture, $"udp {from.Address}:{from.Port} -> {target.Name}:{port} {payload.Length}B #{Fingerprint(payload):x8}", out var written))
                    network.RecordTrace("net", line[..written]);
                else
                    network.RecordTrace("net", string.Create(CultureInfo.InvariantCulture, $"udp {from.Address}:{from.Port} -> {target.Name}:{port} {payload.Length}B #{Fingerprint(payload):x8}"));
            }
            network.Observer?.Delivered(network.Clock.Elapsed, source, target, false, payload);
            receiver.OnReceive(payload, from);
        }

        /// <summary>
        /// A 32-bit summary of the payload for the trace: FNV-style multiply-xor over 8-byte words (little-endian, so
        /// the same on every machine), then the tail bytes; fast enough to run on every datagram.
        /// </summary>
        internal static uint Fingerprint(ReadOnlySpan<byte> data)
        {
            const ulong prime = 0x100000001b3;
            var hash = 0xcbf29ce484222325 ^ (ulong)data.Length;
            while (data.Length >= 8)
            {
                hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(data)) * prime;
                hash ^= hash >> 29;
                data = data[8..];
            }
            foreach (var b in data) hash = (hash ^ b) * prime;
            return (uint)(hash ^ (hash >> 32));
        }
    }
}
