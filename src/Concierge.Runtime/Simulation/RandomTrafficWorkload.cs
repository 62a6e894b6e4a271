using System.Globalization;
using System.Net;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Tracing;
using Concierge.Runtime.Transports;
using Concierge.Runtime.Transports.Simulated;

namespace Concierge.Runtime.Simulation;

/// <summary>
/// A seeded, self-contained workload on the simulated network — datagrams and streams between a handful of hosts
/// over lossy, jittery links with a partition and a crash — whose trace hash shows that a seed replays exactly.
/// </summary>
public sealed class RandomTrafficWorkload
{
    private const int Port = 5060;
    private readonly SimulatedEventLoop _loop = new();
    private readonly DeterministicRandom _random;
    private readonly TraceLog _trace;
    private readonly SimulatedNetwork _network;
    private readonly List<SimulatedHost> _hosts = new();
    private readonly Dictionary<string, IDatagramTransport> _sockets = new();
    private int _datagramsLeft;
    private long _echoes;

    private RandomTrafficWorkload(ulong seed, int datagrams, TextWriter? fullTrace)
    {
        _random = new DeterministicRandom(seed).Split("workload");
        _trace = new TraceLog(_loop.Clock, fullTrace: fullTrace);
        _network = new SimulatedNetwork(_loop, new DeterministicRandom(seed).Split("network"), _trace);
        _datagramsLeft = datagrams;
    }

    /// <summary>What one run produced.</summary>
    /// <param name="TraceHash">The run's identity: 16 hex digits.</param>
    /// <param name="TraceRecords">How many trace records the run made.</param>
    /// <param name="Counters">What the network did.</param>
    /// <param name="VirtualDuration">Virtual time the run covered.</param>
    public sealed record Result(string TraceHash, long TraceRecords, NetworkCounters Counters, TimeSpan VirtualDuration);

    /// <summary>Runs the workload for <paramref name="seed"/> and returns its trace hash.</summary>
    public static string Run(ulong seed, int datagrams = 20_000) => Execute(seed, datagrams).TraceHash;

    /// <summary>Runs the workload for <paramref name="seed"/> and returns everything it measured.</summary>
    public static Result Execute(ulong seed, int datagrams = 20_000, TextWriter? fullTrace = null)
    {
        if (datagrams < 0) throw new ArgumentOutOfRangeException(nameof(datagrams), datagrams, "must be non-negative");
        var workload = new RandomTrafficWorkload(seed, datagrams, fullTrace);
        workload.Build();
        workload._loop.RunUntilIdle();
        return new Result(workload._trace.HashHex(), workload._trace.Count, workload._network.Counters, workload._loop.Clock.Elapsed);
    }

    private void Build()
    {
        string[] names = ["osv", "cps", "osc2", "phones", "gateway"];
        for (var i = 0; i < names.Length; i++)
        {
            var host = _network.AddHost(names[i], IPAddress.Parse($"192.0.2.{10 + i}"));
            _hosts.Add(host);
            BindEcho(host);
        }
        for (var a = 0; a < _hosts.Count; a++)
        for (var b = a + 1; b < _hosts.Count; b++)
        {
            var profile = new LinkProfile(
                Latency: TimeSpan.FromMilliseconds(_random.Next(1, 40)),
                Jitter: TimeSpan.FromMilliseconds(_random.Next(0, 20)),
                LossPercent: _random.Next(0, 5),
                DuplicatePercent: _random.Next(0, 3),
                ReorderPercent: _random.Next(0, 3));
            _network.SetLink(_hosts[a].Name, _hosts[b].Name, profile);
        }
        StartStreams();
        ScheduleFaults();
        _loop.Post(SendNext);
    }

    private void BindEcho(SimulatedHost host)
    {
        _sockets[host.Name] = host.BindDatagram(Port, (payload, from) =>
        {
            // Requests (first byte 'Q') are answered; answers end there.
            if (payload.Length > 0 && payload[0] == (byte)'Q' && _sockets.TryGetValue(host.Name, out var socket))
            {
                var answer = payload.ToArray();
                answer[0] = (byte)'A';
                socket.Send(answer, from);
                _echoes++;
            }
        });
    }

    private void SendNext()
    {
        if (_datagramsLeft <= 0) return;
        _datagramsLeft--;
        var from = _random.Pick(_hosts);
        var to = _random.Pick(_hosts);
        if (from.IsUp && _sockets.TryGetValue(from.Name, out var socket))
        {
            var size = _random.Next(16, 1200);
            var payload = new byte[size];
            _random.NextBytes(payload);
            payload[0] = (byte)'Q';
            socket.Send(payload, new IPEndPoint(to.Address, Port));
        }
        _loop.ScheduleAfter(TimeSpan.FromTicks(_random.NextInt64(TimeSpan.TicksPerMillisecond * 5)), SendNext);
    }

    private void StartStreams()
    {
        var server = _hosts[0];
        server.Listen(Port, _ => new EchoStream(_trace, "server"));
        for (var i = 1; i < _hosts.Count; i++)
        {
            var client = new EchoStream(_trace, $"client-{_hosts[i].Name}");
            var connection = _hosts[i].Connect(new IPEndPoint(server.Address, Port), client);
            var period = TimeSpan.FromMilliseconds(_random.Next(50, 500));
            void Ping()
            {
                if (_datagramsLeft <= 0) return; // the streams stop with the datagrams, so the loop goes idle
                if (connection.IsOpen) connection.Send(System.Text.Encoding.ASCII.GetBytes($"ping {_loop.Clock.ExecutedCount}\n"));
                _loop.ScheduleAfter(period, Ping);
            }
            _loop.ScheduleAfter(period, Ping);
        }
    }

    private void ScheduleFaults()
    {
        var a = _random.Pick(_hosts).Name;
        var b = _hosts[(_hosts.FindIndex(h => h.Name == a) + 1) % _hosts.Count].Name;
        _loop.ScheduleAfter(TimeSpan.FromSeconds(_random.Next(5, 20)), () => _network.Cut(a, b));
        _loop.ScheduleAfter(TimeSpan.FromSeconds(_random.Next(25, 40)), () => _network.Restore(a, b));
        var victim = _hosts[1 + _random.Next(_hosts.Count - 1)];
        _loop.ScheduleAfter(TimeSpan.FromSeconds(_random.Next(10, 30)), () => _network.Crash(victim.Name));
        _loop.ScheduleAfter(TimeSpan.FromSeconds(_random.Next(35, 50)), () =>
        {
            _network.Restart(victim.Name);
            BindEcho(victim);
            _trace.Record("workload", string.Create(CultureInfo.InvariantCulture, $"echoes so far {_echoes}"));
        });
    }

    private sealed class EchoStream(ITrace trace, string name) : IStreamHandler
    {
        public void OnConnected(IStreamConnection connection) => trace.Record("stream", $"{name} connected");

        public void OnData(IStreamConnection connection, ReadOnlySpan<byte> data)
        {
            trace.Record("stream", string.Create(CultureInfo.InvariantCulture, $"{name} got {data.Length}B"));
            if (name == "server") connection.Send(data);
        }

        public void OnClosed(IStreamConnection connection, string reason) => trace.Record("stream", $"{name} closed: {reason}");
    }
}
