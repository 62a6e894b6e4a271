using Concierge.Runtime.Loop;
using Concierge.Runtime.Transports.Simulated;
using Concierge.Sip.UserAgent;

namespace Concierge.Sip.Tests.UserAgent;

public class CancelTests
{
    [Fact]
    public void Cancelling_a_ringing_call_gives_487_and_ends_both_sides()
    {
        var net = new UserAgentNetwork();
        var alice = net.Add("alice", "192.0.2.1");
        var bob = net.Add("bob", "192.0.2.2");
        bob.Ua.IncomingCall += c => bob.Ua.Ring(c);
        var call = alice.Ua.Invite(bob.Uri());
        Assert.True(net.RunUntil(() => call.State == SipCallState.Ringing));
        alice.Ua.Cancel(call);
        Assert.True(net.RunUntil(() => call.IsEnded && bob.Incoming[0].IsEnded));
        Assert.Equal(SipCallEndReason.LocalCancel, call.EndReason);
        Assert.Equal(SipCallEndReason.RemoteCancel, bob.Incoming[0].EndReason);
        Assert.Equal(487, call.FinalStatus);
        Assert.Equal(new[] { "ringing 180", "ended LocalCancel" }, alice.Log);
        net.Loop.RunFor(TimeSpan.FromSeconds(40));
        Assert.Equal(0, bob.Stack.Transactions.Counters.Timeouts);
    }

    [Fact]
    public void Cancel_before_any_provisional_waits_for_one()
    {
        var net = new UserAgentNetwork(link: new LinkProfile(TimeSpan.FromMilliseconds(50)));
        var alice = net.Add("alice", "192.0.2.1");
        var bob = net.Add("bob", "192.0.2.2");
        var call = alice.Ua.Invite(bob.Uri());
        alice.Ua.Cancel(call);
        Assert.True(net.RunUntil(() => call.IsEnded && bob.Incoming.Count == 1 && bob.Incoming[0].IsEnded));
        Assert.Equal(SipCallEndReason.RemoteCancel, bob.Incoming[0].EndReason);
        Assert.Equal(SipCallEndReason.LocalCancel, call.EndReason);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void Cancel_crossing_a_2xx_ends_the_call_with_ACK_and_BYE(int millisecondsBeforeAnswer)
    {
        var net = new UserAgentNetwork(link: new LinkProfile(TimeSpan.FromMilliseconds(10)));
        var alice = net.Add("alice", "192.0.2.1");
        var bob = net.Add("bob", "192.0.2.2");
        bob.Ua.IncomingCall += c => bob.Ua.Ring(c);
        var call = alice.Ua.Invite(bob.Uri());
        Assert.True(net.RunUntil(() => call.State == SipCallState.Ringing));
        // Both decide at nearly the same instant: the CANCEL and the 200 cross on the wire.
        net.Loop.ScheduleAfter(TimeSpan.FromMilliseconds(millisecondsBeforeAnswer), () => bob.Ua.Answer(bob.Incoming[0], UserAgentNetwork.Sdp("192.0.2.2")));
        alice.Ua.Cancel(call);
        Assert.True(net.RunUntil(() => call.IsEnded && bob.Incoming[0].IsEnded, 40));
        Assert.Equal(SipCallEndReason.LocalCancel, call.EndReason);
        Assert.Contains(bob.Incoming[0].EndReason, new SipCallEndReason?[] { SipCallEndReason.RemoteBye, SipCallEndReason.RemoteCancel });
        Assert.DoesNotContain("answered", alice.Log);
        net.Loop.RunFor(TimeSpan.FromSeconds(40));
        Assert.Empty(alice.Ua.Calls);
        Assert.Empty(bob.Ua.Calls);
    }

    [Fact]
    public void No_answer_timeout_cancels_the_call()
    {
        var net = new UserAgentNetwork();
        var alice = net.Add("alice", "192.0.2.1", new SipUserAgentOptions { UserName = "alice", NoAnswerTimeout = TimeSpan.FromSeconds(20) });
        var bob = net.Add("bob", "192.0.2.2");
        bob.Ua.IncomingCall += c => bob.Ua.Ring(c);
        var call = alice.Ua.Invite(bob.Uri());
        Assert.True(net.RunUntil(() => call.IsEnded, 30));
        Assert.Equal(SipCallEndReason.LocalCancel, call.EndReason);
        Assert.Equal(SipCallEndReason.RemoteCancel, bob.Incoming[0].EndReason);
    }
}
