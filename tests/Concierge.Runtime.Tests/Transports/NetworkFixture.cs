using System.Net;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Transports;
using Concierge.Runtime.Transports.Simulated;

namespace Concierge.Runtime.Tests.Transports;

/// <summary>Two hosts "a" and "b" on a fresh simulated network, with what each one received.</summary>
internal sealed class NetworkFixture
{
    public NetworkFixture(ulong seed = 1, LinkProfile? link = null)
    {
        Network = new SimulatedNetwork(Loop, new DeterministicRandom(seed));
        A = Network.AddHost("a", IPAddress.Parse("192.0.2.1"));
        B = Network.AddHost("b", IPAddress.Parse("192.0.2.2"));
        if (link is not null) Network.SetLink("a", "b", link);
    }

    public SimulatedEventLoop Loop { get; } = new();
    public SimulatedNetwork Network { get; }
    public SimulatedHost A { get; }
    public SimulatedHost B { get; }
    public List<(byte[] Payload, IPEndPoint From, TimeSpan At)> ReceivedAtB { get; } = new();

    public IDatagramTransport BindB(int port = 5060) =>
        B.BindDatagram(port, (payload, from) => ReceivedAtB.Add((payload.ToArray(), from, Loop.Clock.Elapsed)));

    public static IPEndPoint At(SimulatedHost host, int port = 5060) => new(host.Address, port);
}

/// <summary>A stream handler that records everything it is told.</summary>
internal sealed class RecordingStream : IStreamHandler
{
    public List<string> Events { get; } = new();
    public List<byte> Bytes { get; } = new();
    public IStreamConnection? Connection { get; private set; }
    public bool Connected { get; private set; }
    public string? ClosedReason { get; private set; }

    public void OnConnected(IStreamConnection connection)
    {
        Connection = connection;
        Connected = true;
        Events.Add("connected");
    }

    public void OnData(IStreamConnection connection, ReadOnlySpan<byte> data)
    {
        Bytes.AddRange(data.ToArray());
        Events.Add($"data {data.Length}");
    }

    public void OnClosed(IStreamConnection connection, string reason)
    {
        ClosedReason = reason;
        Events.Add($"closed {reason}");
    }
}
