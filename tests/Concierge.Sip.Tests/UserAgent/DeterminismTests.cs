using Concierge.Runtime.Tracing;
using Concierge.Runtime.Transports.Simulated;
using Concierge.Sip.Transport;
using Concierge.Sip.UserAgent;

namespace Concierge.Sip.Tests.UserAgent;

public class DeterminismTests
{
    private static (string Hash, long Lines) Run(ulong seed)
    {
        TraceLog? trace = null;
        var traced = new UserAgentNetwork(seed, new LinkProfile(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(30), LossPercent: 15, DuplicatePercent: 5, ReorderPercent: 5),
            new DeferredTrace(() => trace!));
        trace = new TraceLog(traced.Loop.Time);
        var alice = traced.Add("alice", "192.0.2.1");
        var bob = traced.Add("bob", "192.0.2.2");
        bob.AutoAnswer(TimeSpan.FromSeconds(1));
        bob.Ua.CallAnswered += c => bob.Ua.Hold(c);
        var calls = Enumerable.Range(0, 6).Select(_ => alice.Ua.Invite(bob.Uri(), new SipInviteOptions { Sdp = UserAgentNetwork.Sdp("192.0.2.1") })).ToList();
        traced.Loop.RunFor(TimeSpan.FromSeconds(20));
        foreach (var call in calls) alice.Ua.Hangup(call);
        traced.Loop.RunFor(TimeSpan.FromSeconds(60));
        return (trace.HashHex(), trace.Count);
    }

    /// <summary>Forwards to a trace created after the network (it needs the network's clock).</summary>
    private sealed class DeferredTrace(Func<ITrace> inner) : ITrace
    {
        public bool IsEnabled => true;
        public void Record(string source, string text) => inner().Record(source, text);
    }

    [Fact]
    public void Same_seed_replays_the_same_sip_trace_and_another_seed_differs()
    {
        var first = Run(42);
        var second = Run(42);
        var other = Run(43);
        Assert.True(first.Lines > 100);
        Assert.Equal(first, second);
        Assert.NotEqual(first.Hash, other.Hash);
    }

    [Fact]
    public void Tcp_connect_refused_fails_the_call_with_503()
    {
        var net = new UserAgentNetwork();
        var alice = net.Add("alice", "192.0.2.1", new SipUserAgentOptions { UserName = "alice", DefaultProtocol = SipTransportProtocol.Tcp });
        net.Network.AddHost("nobody", System.Net.IPAddress.Parse("192.0.2.9"));
        var call = alice.Ua.Invite(Concierge.Sip.Message.SipUri.Sip("x", "192.0.2.9"));
        Assert.True(net.RunUntil(() => call.IsEnded, 10));
        Assert.Equal(503, call.FinalStatus);
        Assert.Equal(1, alice.Stack.Transport.Counters.SendFailures);
    }
}
