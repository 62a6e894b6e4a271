using System.Net;
using BenchmarkDotNet.Attributes;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Transports;
using Concierge.Runtime.Transports.Simulated;

namespace Concierge.Benchmarks.Runtime;

/// <summary>Datagrams per second through the simulated network: send, schedule, deliver to a bound receiver.</summary>
[MemoryDiagnoser]
public class SimulatedNetworkDatagramBenchmark
{
    private const int DatagramsPerInvoke = 100_000;
    private readonly byte[] _payload = new byte[200];
    private SimulatedEventLoop _loop = null!;
    private IDatagramTransport _sender = null!;
    private IPEndPoint _target = null!;
    private long _received;

    /// <summary>Two hosts on a LAN link with 1 ms jitter.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _loop = new SimulatedEventLoop(stepLimit: long.MaxValue);
        var network = new SimulatedNetwork(_loop, new DeterministicRandom(1));
        var a = network.AddHost("a", IPAddress.Parse("192.0.2.1"));
        var b = network.AddHost("b", IPAddress.Parse("192.0.2.2"));
        network.SetLink("a", "b", new LinkProfile(TimeSpan.FromMilliseconds(1), Jitter: TimeSpan.FromMilliseconds(1)));
        b.BindDatagram(5060, (payload, _) => _received += payload.Length);
        _sender = a.BindDatagram(5060, (_, _) => { });
        _target = new IPEndPoint(b.Address, 5060);
    }

    /// <summary>Sends 100,000 datagrams and runs the loop until all are delivered.</summary>
    [Benchmark(OperationsPerInvoke = DatagramsPerInvoke)]
    public long SendAndDeliver()
    {
        for (var i = 0; i < DatagramsPerInvoke; i++) _sender.Send(_payload, _target);
        _loop.RunUntilIdle();
        return _received;
    }
}
