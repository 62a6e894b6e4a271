using System.Net;

namespace Concierge.Runtime.Transports.Simulated;

/// <summary>One machine on the simulated network: its sockets, listeners and connections, and whether it is up.</summary>
public sealed class SimulatedHost : INetworkStack
{
    private const int FirstEphemeralPort = 49152;
    private readonly Dictionary<int, SimulatedDatagramTransport> _datagramPorts = new();
    private readonly Dictionary<int, SimulatedStreamListener> _listeners = new();
    private readonly HashSet<SimulatedStreamConnection> _connections = new();
    private readonly HashSet<int> _streamPortsInUse = new();
    private int _nextEphemeralPort = FirstEphemeralPort;

    internal SimulatedHost(SimulatedNetwork network, int index, string name, IPAddress address)
    {
        Network = network;
        Index = index;
        Name = name;
        Address = address;
    }

    /// <summary>The network this host is on.</summary>
    public SimulatedNetwork Network { get; }

    /// <summary>The host's name in the topology (e.g. "osv", "cps").</summary>
    public string Name { get; }

    /// <inheritdoc />
    public IPAddress Address { get; }

    /// <summary>False between Crash and Restart.</summary>
    public bool IsUp { get; private set; } = true;

    /// <summary>Counts restarts; what was sent to an earlier incarnation is never delivered to a later one.</summary>
    public int Incarnation { get; private set; }

    /// <summary>Open stream connections on this host.</summary>
    public int OpenConnectionCount => _connections.Count;

    internal int Index { get; }

    /// <inheritdoc />
    public IDatagramTransport BindDatagram(int port, DatagramReceived onReceive)
    {
        ArgumentNullException.ThrowIfNull(onReceive);
        EnsureUp();
        if (port == 0) port = NextFreePort(p => !_datagramPorts.ContainsKey(p));
        CheckPort(port);
        if (_datagramPorts.ContainsKey(port)) throw new TransportException($"{Name}: UDP port {port} is already bound");
        var transport = new SimulatedDatagramTransport(this, new IPEndPoint(Address, port), onReceive);
        _datagramPorts.Add(port, transport);
        return transport;
    }

    /// <inheritdoc />
    public IStreamListener Listen(int port, StreamAcceptor acceptor)
    {
        ArgumentNullException.ThrowIfNull(acceptor);
        EnsureUp();
        if (port == 0) port = NextFreePort(p => !_listeners.ContainsKey(p) && !_streamPortsInUse.Contains(p));
        CheckPort(port);
        if (_listeners.ContainsKey(port)) throw new TransportException($"{Name}: TCP port {port} is already listening");
        var listener = new SimulatedStreamListener(this, new IPEndPoint(Address, port), acceptor);
        _listeners.Add(port, listener);
        return listener;
    }

    /// <inheritdoc />
    public IStreamConnection Connect(IPEndPoint remote, IStreamHandler handler)
    {
        ArgumentNullException.ThrowIfNull(remote);
        ArgumentNullException.ThrowIfNull(handler);
        EnsureUp();
        var localPort = NextFreePort(p => !_listeners.ContainsKey(p) && !_streamPortsInUse.Contains(p));
        _streamPortsInUse.Add(localPort);
        var connection = new SimulatedStreamConnection(this, new IPEndPoint(Address, localPort), remote, handler);
        _connections.Add(connection);
        connection.StartConnect();
        return connection;
    }

    internal void Crash()
    {
        if (!IsUp) return;
        IsUp = false;
        Incarnation++;
        Network.RecordTrace("net", $"crash {Name}");
        foreach (var connection in _connections.ToArray()) connection.DropByCrash();
        _connections.Clear();
        _streamPortsInUse.Clear();
        _datagramPorts.Clear();
        _listeners.Clear();
    }

    internal void Restart()
    {
        if (IsUp) return;
        IsUp = true;
        Incarnation++;
        _nextEphemeralPort = FirstEphemeralPort;
        Network.RecordTrace("net", $"restart {Name}");
    }

    internal SimulatedDatagramTransport? DatagramPort(int port) => _datagramPorts.GetValueOrDefault(port);

    internal SimulatedStreamListener? ListenerAt(int port) => _listeners.GetValueOrDefault(port);

    internal void Unbind(SimulatedDatagramTransport transport)
    {
        if (_datagramPorts.TryGetValue(transport.LocalEndPoint.Port, out var bound) && ReferenceEquals(bound, transport))
            _datagramPorts.Remove(transport.LocalEndPoint.Port);
    }

    internal void StopListening(SimulatedStreamListener listener)
    {
        if (_listeners.TryGetValue(listener.LocalEndPoint.Port, out var bound) && ReferenceEquals(bound, listener))
            _listeners.Remove(listener.LocalEndPoint.Port);
    }

    internal SimulatedStreamConnection AcceptFrom(SimulatedStreamConnection client, SimulatedStreamListener listener)
    {
        var server = new SimulatedStreamConnection(this, listener.LocalEndPoint, client.LocalEndPoint, handler: null);
        _connections.Add(server);
        return server;
    }

    internal void Forget(SimulatedStreamConnection connection)
    {
        if (_connections.Remove(connection) && connection.OwnsLocalPort)
            _streamPortsInUse.Remove(connection.LocalEndPoint.Port);
    }

    private void EnsureUp()
    {
        if (!IsUp) throw new TransportException($"{Name} is down");
    }

    private static void CheckPort(int port)
    {
        if (port is <= 0 or > 65535) throw new TransportException($"port {port} is outside 1..65535");
    }

    private int NextFreePort(Func<int, bool> isFree)
    {
        for (var tries = 0; tries < 65536 - FirstEphemeralPort; tries++)
        {
            var port = _nextEphemeralPort;
            _nextEphemeralPort = _nextEphemeralPort >= 65535 ? FirstEphemeralPort : _nextEphemeralPort + 1;
            if (isFree(port)) return port;
        }
        throw new TransportException($"{Name}: no free ephemeral port");
    }
}
