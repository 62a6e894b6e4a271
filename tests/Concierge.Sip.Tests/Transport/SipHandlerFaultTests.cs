using System.Net;
using System.Text;
using Concierge.Runtime.Faults;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Transports.Simulated;
using Concierge.Sip.Transport;

namespace Concierge.Sip.Tests.Transport;

public sealed class SipHandlerFaultTests
{
    private static readonly IPEndPoint Server = new(IPAddress.Parse("192.0.2.10"), 5060);

    private sealed class Bench
    {
        public Bench(HandlerFaultPolicy policy, Exception thrown)
        {
            Network = new SimulatedNetwork(Loop, new DeterministicRandom(3));
            var server = Network.AddHost("server", Server.Address);
            Peer = Network.AddHost("peer", IPAddress.Parse("192.0.2.20"));
            Stack = new SipStack(Loop, server, new SipStackOptions { HandlerFaults = policy }, new DeterministicRandom(4))
            {
                RequestReceived = _ => throw thrown,
            };
        }

        public SimulatedEventLoop Loop { get; } = new();
        public SimulatedNetwork Network { get; }
        public SimulatedHost Peer { get; }
        public SipStack Stack { get; }

        public void SendOptions()
        {
            var raw = Peer.BindDatagram(40000, (_, _) => { });
            raw.Send(Encoding.ASCII.GetBytes(
                "OPTIONS sip:server@192.0.2.10 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.20:40000;branch=z9hG4bKfault1\r\nMax-Forwards: 70\r\n" +
                "From: <sip:peer@192.0.2.20>;tag=p1\r\nTo: <sip:server@192.0.2.10>\r\nCall-ID: fault-1@192.0.2.20\r\nCSeq: 1 OPTIONS\r\n" +
                "Content-Length: 0\r\n\r\n"), Server);
        }
    }

    [Fact]
    public void By_default_a_handler_bug_leaves_the_stack_and_fails_the_run()
    {
        var bench = new Bench(HandlerFaultPolicy.Propagate, new InvalidOperationException("handler bug"));
        bench.SendOptions();

        var thrown = Assert.Throws<InvalidOperationException>(() => bench.Loop.RunFor(TimeSpan.FromSeconds(1)));

        Assert.Equal("handler bug", thrown.Message);
        Assert.Equal(0, bench.Stack.HandlerFaults);
    }

    [Fact]
    public void A_contained_handler_bug_is_counted_and_kept()
    {
        var bench = new Bench(HandlerFaultPolicy.Contain, new InvalidOperationException("handler bug"));
        bench.SendOptions();

        bench.Loop.RunFor(TimeSpan.FromSeconds(1));

        Assert.Equal(1, bench.Stack.HandlerFaults);
        Assert.Equal("handler bug", bench.Stack.LastHandlerFault?.Message);
    }

    [Fact]
    public void An_invariant_break_inside_a_handler_is_never_contained()
    {
        var bench = new Bench(HandlerFaultPolicy.Contain, new InvariantException("two calls hold one channel"));
        bench.SendOptions();

        var thrown = Assert.Throws<InvariantException>(() => bench.Loop.RunFor(TimeSpan.FromSeconds(1)));

        Assert.Equal("two calls hold one channel", thrown.Message);
        Assert.Equal(0, bench.Stack.HandlerFaults);
    }
}
