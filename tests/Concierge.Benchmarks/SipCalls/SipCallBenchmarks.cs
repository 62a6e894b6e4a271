using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Transports.Simulated;
using Concierge.Sip.Headers;
using Concierge.Sip.Message;
using Concierge.Sip.Transactions;
using Concierge.Sip.Transport;
using Concierge.Sip.UserAgent;

namespace Concierge.Benchmarks.SipCalls;

/// <summary>
/// Cost of SIP call handling above the message layer: one full call (INVITE, 100, 180, 200, ACK, BYE, 200) between
/// two user agents on the simulated network, and one transaction round trip in the sans-IO layer alone.
/// </summary>
[MemoryDiagnoser]
public class SipCallBenchmarks
{
    private static readonly ReadOnlyMemory<byte> Sdp = Encoding.ASCII.GetBytes(
        "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0 8 101\r\na=sendrecv\r\n");

    private SimulatedEventLoop _loop = null!;
    private SipUserAgent _alice = null!;
    private SipUri _bob = null!;
    private SipTransactionLayer _layer = null!;
    private SipRequest _options = null!;
    private SipResponse _ok = null!;
    private DateTimeOffset _now;
    private long _branch;

    [GlobalSetup]
    public void Setup()
    {
        _loop = new SimulatedEventLoop();
        var random = new DeterministicRandom(1);
        var network = new SimulatedNetwork(_loop, random.Split("net"));
        var aliceHost = network.AddHost("alice", IPAddress.Parse("192.0.2.1"));
        var bobHost = network.AddHost("bob", IPAddress.Parse("192.0.2.2"));
        var noTimer = new SipUserAgentOptions { SessionTimer = SipSessionTimerOptions.Disabled };
        _alice = new SipUserAgent(new SipStack(_loop, aliceHost, new SipStackOptions(), random.Split("a")), noTimer with { UserName = "alice" });
        var bob = new SipUserAgent(new SipStack(_loop, bobHost, new SipStackOptions(), random.Split("b")), noTimer with { UserName = "bob" });
        bob.IncomingCall += call => { bob.Ring(call); bob.Answer(call, Sdp); };
        _alice.CallAnswered += call => _alice.Bye(call);
        _bob = SipUri.Sip("bob", "192.0.2.2");

        _layer = new SipTransactionLayer();
        _now = _loop.Now;
        _options = SipRequest.Create(SipMethod.Options, SipUri.Parse("sip:x@192.0.2.2"), NameAddress.Parse("<sip:a@192.0.2.1>;tag=1"),
            NameAddress.Parse("<sip:x@192.0.2.2>"), "bench@192.0.2.1", 1, SipVia.Create("UDP", "192.0.2.1", 5060, "z9hG4bKbench"));
        _ok = SipResponse.CreateFor(_options, 200);
    }

    /// <summary>One complete call set up and torn down between two user agents (both sides, all messages parsed and written, all timers run out).</summary>
    [Benchmark]
    public bool CallSetupAndTeardown()
    {
        var call = _alice.Invite(_bob, new SipInviteOptions { Sdp = Sdp });
        _loop.RunUntil(() => call.IsEnded, TimeSpan.FromSeconds(5));
        _loop.RunFor(TimeSpan.FromSeconds(33)); // let every transaction of the call run out its timers
        return call.IsEnded;
    }

    /// <summary>A non-INVITE client transaction started, answered and ended in the sans-IO layer (no network, no parsing).</summary>
    [Benchmark]
    public int TransactionRoundTrip()
    {
        var branch = "z9hG4bK" + (++_branch).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _options.Headers.Set(SipHeaderNames.Via, "SIP/2.0/UDP 192.0.2.1:5060;branch=" + branch);
        _ok.Headers.Set(SipHeaderNames.Via, "SIP/2.0/UDP 192.0.2.1:5060;branch=" + branch);
        var tx = _layer.SendRequest(_options, SipEndPoint.Udp(IPAddress.Loopback, 5060), _now);
        _layer.HandleResponse(_ok, SipEndPoint.Udp(IPAddress.Loopback, 5060), _now);
        _now += TimeSpan.FromSeconds(6);
        _layer.HandleTimeout(_now);
        var count = 0;
        while (_layer.TryPollTransmit(out _)) count++;
        while (_layer.TryPollEvent(out _)) count++;
        return tx.IsTerminated ? count : -1;
    }
}
