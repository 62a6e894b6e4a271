using Concierge.Runtime.Transports.Simulated;
using Concierge.Sip.Transport;
using Concierge.Sip.UserAgent;

namespace Concierge.Sip.Tests.UserAgent;

public class CallSetupTests
{
    [Fact]
    public void Call_is_set_up_and_torn_down_between_two_user_agents()
    {
        var net = new UserAgentNetwork();
        var alice = net.Add("alice", "192.0.2.1");
        var bob = net.Add("bob", "192.0.2.2");
        bob.AutoAnswer(TimeSpan.FromSeconds(2));

        var call = alice.Ua.Invite(bob.Uri(), new SipInviteOptions { Sdp = UserAgentNetwork.Sdp("192.0.2.1") });
        Assert.True(net.RunUntil(() => bob.Incoming.Count == 1 && bob.Incoming[0].State == SipCallState.Established));
        Assert.Equal(SipCallState.Established, call.State);
        Assert.Equal(new[] { "ringing 180", "answered" }, alice.Log);
        Assert.Equal(new[] { "incoming", "answered" }, bob.Log);
        Assert.Equal(call.Dialog!.Id.LocalTag, bob.Incoming[0].Dialog!.Id.RemoteTag);
        Assert.False(bob.Incoming[0].RemoteSdp.IsEmpty);
        Assert.False(call.RemoteSdp.IsEmpty);

        alice.Ua.Bye(call);
        Assert.True(net.RunUntil(() => bob.Incoming[0].IsEnded));
        Assert.Equal(SipCallEndReason.RemoteBye, bob.Incoming[0].EndReason);
        Assert.Equal(SipCallEndReason.LocalBye, call.EndReason);
        net.Loop.RunFor(TimeSpan.FromSeconds(40));
        Assert.Equal(0, alice.Stack.Transactions.ClientCount + alice.Stack.Transactions.ServerCount);
        Assert.Equal(0, bob.Stack.Transactions.ClientCount + bob.Stack.Transactions.ServerCount);
        Assert.Equal(0, alice.Stack.HandlerFaults + bob.Stack.HandlerFaults);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(4UL)]
    public void Calls_complete_over_a_lossy_slow_link_thanks_to_retransmissions(ulong seed)
    {
        var net = new UserAgentNetwork(seed, new LinkProfile(TimeSpan.FromMilliseconds(80), TimeSpan.FromMilliseconds(40), LossPercent: 25, DuplicatePercent: 5));
        var alice = net.Add("alice", "192.0.2.1");
        var bob = net.Add("bob", "192.0.2.2");
        bob.AutoAnswer(TimeSpan.FromSeconds(1));
        var calls = Enumerable.Range(0, 5).Select(_ => alice.Ua.Invite(bob.Uri(), new SipInviteOptions { Sdp = UserAgentNetwork.Sdp("192.0.2.1") })).ToList();
        Assert.True(net.RunUntil(() => calls.All(c => c.State == SipCallState.Established) && bob.Incoming.Count == 5 && bob.Incoming.All(c => c.State == SipCallState.Established), 120),
            string.Join(",", calls.Select(c => c.State)) + " / " + string.Join(",", bob.Incoming.Select(c => c.State)));
        foreach (var call in calls) alice.Ua.Bye(call);
        Assert.True(net.RunUntil(() => bob.Incoming.All(c => c.IsEnded), 120));
        Assert.True(alice.Stack.Transactions.Counters.Retransmissions + bob.Stack.Transactions.Counters.Retransmissions > 0);
        Assert.Equal(5, bob.Incoming.Count);
    }

    [Fact]
    public void Rejected_call_fails_with_the_status_and_ends_once()
    {
        var net = new UserAgentNetwork();
        var alice = net.Add("alice", "192.0.2.1");
        var bob = net.Add("bob", "192.0.2.2");
        bob.Ua.IncomingCall += c => bob.Ua.Reject(c, 486);
        var call = alice.Ua.Invite(bob.Uri());
        Assert.True(net.RunUntil(() => call.IsEnded));
        Assert.Equal(new[] { "failed 486", "ended Failed" }, alice.Log);
        Assert.Equal(486, call.FinalStatus);
        net.Loop.RunFor(TimeSpan.FromSeconds(40));
        Assert.Equal(0, bob.Stack.Transactions.Counters.Timeouts);
    }

    [Fact]
    public void Unreachable_peer_fails_with_408_after_timer_B()
    {
        var net = new UserAgentNetwork();
        var alice = net.Add("alice", "192.0.2.1");
        net.Add("bob", "192.0.2.2");
        net.Network.Cut("alice", "bob");
        var start = net.Loop.Now;
        var call = alice.Ua.Invite(net.Agents["bob"].Uri());
        Assert.True(net.RunUntil(() => call.IsEnded, 60));
        Assert.Equal(408, call.FinalStatus);
        Assert.Equal(TimeSpan.FromSeconds(32), net.Loop.Now - start);
    }

    [Fact]
    public void Calls_work_over_tcp_too()
    {
        var net = new UserAgentNetwork();
        var alice = net.Add("alice", "192.0.2.1", new SipUserAgentOptions { UserName = "alice", DefaultProtocol = SipTransportProtocol.Tcp });
        var bob = net.Add("bob", "192.0.2.2");
        bob.AutoAnswer(TimeSpan.FromMilliseconds(500));
        var call = alice.Ua.Invite(bob.Uri(), new SipInviteOptions { Sdp = UserAgentNetwork.Sdp("192.0.2.1") });
        Assert.True(net.RunUntil(() => bob.Incoming.Count == 1 && bob.Incoming[0].State == SipCallState.Established));
        bob.Ua.Bye(bob.Incoming[0]);
        Assert.True(net.RunUntil(() => call.IsEnded));
        Assert.Equal(SipCallEndReason.RemoteBye, call.EndReason);
        Assert.Equal(1, bob.Stack.Transport.Counters.ConnectionsAccepted);
        Assert.Equal(0, alice.Stack.Transactions.Counters.Retransmissions);
    }

    [Fact]
    public void Two_xx_is_retransmitted_until_the_ACK_gets_through()
    {
        var net = new UserAgentNetwork();
        var alice = net.Add("alice", "192.0.2.1");
        var bob = net.Add("bob", "192.0.2.2");
        bob.AutoAnswer(TimeSpan.FromSeconds(1));
        bob.Ua.IncomingCall += _ => net.Network.SetLinkOneWay("alice", "bob", new LinkProfile(TimeSpan.FromMilliseconds(1), LossPercent: 100));
        var call = alice.Ua.Invite(bob.Uri());
        Assert.True(net.RunUntil(() => call.State == SipCallState.Established));
        net.Loop.RunFor(TimeSpan.FromSeconds(3));
        Assert.Equal(SipCallState.Answering, bob.Incoming[0].State);
        net.Network.SetLinkOneWay("alice", "bob", LinkProfile.Lan);
        Assert.True(net.RunUntil(() => bob.Incoming[0].State == SipCallState.Established, 10));
        Assert.Equal(new[] { "ringing 180", "answered" }, alice.Log);
    }

    [Fact]
    public void Missing_ACK_ends_the_answered_call_with_BYE_after_64_T1()
    {
        var net = new UserAgentNetwork();
        var alice = net.Add("alice", "192.0.2.1");
        var bob = net.Add("bob", "192.0.2.2");
        bob.AutoAnswer(TimeSpan.FromSeconds(1));
        bob.Ua.IncomingCall += _ => net.Network.SetLinkOneWay("alice", "bob", new LinkProfile(TimeSpan.FromMilliseconds(1), LossPercent: 100));
        var call = alice.Ua.Invite(bob.Uri());
        Assert.True(net.RunUntil(() => call.State == SipCallState.Established));
        var answeredAt = net.Loop.Now;
        Assert.True(net.RunUntil(() => bob.Incoming[0].IsEnded, 40));
        Assert.Equal(SipCallEndReason.AckTimeout, bob.Incoming[0].EndReason);
        Assert.InRange(net.Loop.Now - answeredAt, TimeSpan.FromSeconds(31), TimeSpan.FromSeconds(33));
    }

    [Fact]
    public void Bye_can_carry_extra_headers_to_the_peer()
    {
        var net = new UserAgentNetwork();
        var alice = net.Add("alice", "192.0.2.1");
        var bob = net.Add("bob", "192.0.2.2");
        bob.AutoAnswer(TimeSpan.Zero);
        string? reason = null;
        bob.Ua.CallEnded += (c, _) => reason = c.EndingRequest?.Headers.GetFirst("Reason");
        var call = alice.Ua.Invite(bob.Uri());
        Assert.True(net.RunUntil(() => call.State == SipCallState.Established));
        alice.Ua.Bye(call, [new("Reason", "Q.850;cause=16")]);
        Assert.True(net.RunUntil(() => bob.Incoming[0].IsEnded));
        Assert.Equal("Q.850;cause=16", reason);
    }
}
