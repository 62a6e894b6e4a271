using System.Text;
using Concierge.Sip.Message;
using Concierge.Sip.Transport;
using Concierge.Sip.UserAgent;

namespace Concierge.Sip.Tests.UserAgent;

public class HoldAndSessionTests
{
    private static (UserAgentNetwork Net, Agent Alice, Agent Bob, SipCall Call) Established(SipUserAgentOptions? aliceOptions = null, SipUserAgentOptions? bobOptions = null)
    {
        var net = new UserAgentNetwork();
        var alice = net.Add("alice", "192.0.2.1", aliceOptions);
        var bob = net.Add("bob", "192.0.2.2", bobOptions);
        bob.AutoAnswer(TimeSpan.FromMilliseconds(200));
        var call = alice.Ua.Invite(bob.Uri(), new SipInviteOptions { Sdp = UserAgentNetwork.Sdp("192.0.2.1") });
        Assert.True(net.RunUntil(() => call.State == SipCallState.Established && bob.Incoming.Count == 1 && bob.Incoming[0].State == SipCallState.Established));
        return (net, alice, bob, call);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Hold_and_resume_by_reinvite_or_update_change_the_media_direction(bool useUpdate)
    {
        var (net, alice, bob, call) = Established();
        Assert.True(alice.Ua.Hold(call, useUpdate));
        Assert.True(net.RunUntil(() => alice.Log.Contains("reoffer 200")));
        var bobCall = bob.Incoming[0];
        Assert.True(bobCall.IsHeldRemotely);
        Assert.Equal(SdpDirection.SendOnly, SdpDirection.Of(bobCall.RemoteSdp));
        Assert.Equal(SdpDirection.RecvOnly, SdpDirection.Of(call.RemoteSdp));
        Assert.Contains("o=- 1 2 IN IP4", Encoding.ASCII.GetString(call.LocalSdp.Span));

        Assert.True(alice.Ua.Resume(call, useUpdate));
        Assert.True(net.RunUntil(() => alice.Log.Count(l => l == "reoffer 200") == 2));
        Assert.False(bobCall.IsHeldRemotely);
        Assert.Equal(SdpDirection.SendRecv, SdpDirection.Of(call.RemoteSdp));
        Assert.Equal(2, bob.Log.Count(l => l == "modified"));
        net.Loop.RunFor(TimeSpan.FromSeconds(40));
        Assert.Equal(SipCallState.Established, call.State);
        Assert.Equal(SipCallState.Established, bobCall.State);
    }

    [Fact]
    public void Crossing_reinvites_get_491_and_one_retry_wins()
    {
        var (net, alice, bob, call) = Established();
        var start = net.Loop.Now;
        Assert.True(alice.Ua.Hold(call));
        Assert.True(bob.Ua.Hold(bob.Incoming[0]));
        Assert.True(net.RunUntil(() => alice.Log.Contains("reoffer 200") && bob.Log.Contains("reoffer 200"), 20));
        Assert.True(net.Loop.Now - start >= TimeSpan.FromSeconds(2.1), "the loser retried after the 491 back-off");
        Assert.True(call.IsHeldLocally && call.IsHeldRemotely);
        Assert.True(bob.Incoming[0].IsHeldLocally && bob.Incoming[0].IsHeldRemotely);
        Assert.Equal(SdpDirection.Inactive, SdpDirection.Of(call.LocalSdp) == SdpDirection.Inactive ? SdpDirection.Inactive : SdpDirection.Of(bob.Incoming[0].LocalSdp));
    }

    [Fact]
    public void Info_and_options_are_answered_200()
    {
        var (net, alice, bob, call) = Established();
        Assert.True(alice.Ua.SendInfo(call, new Concierge.Sip.Headers.SipMediaType("application", "dtmf-relay"), Encoding.ASCII.GetBytes("Signal=5\r\nDuration=160\r\n")));
        var status = 0;
        alice.Ua.SendOptions(bob.Uri(), (s, _) => status = s);
        Assert.True(net.RunUntil(() => bob.Log.Contains("info") && status != 0));
        Assert.Equal(200, status);
    }

    [Fact]
    public void Session_is_refreshed_at_half_the_interval_by_the_refresher()
    {
        var timers = new SipSessionTimerOptions { Interval = TimeSpan.FromSeconds(120), MinimumInterval = TimeSpan.FromSeconds(90) };
        var (net, alice, bob, call) = Established(new SipUserAgentOptions { UserName = "alice", SessionTimer = timers },
            new SipUserAgentOptions { UserName = "bob", SessionTimer = timers });
        Assert.Equal(TimeSpan.FromSeconds(120), call.SessionInterval);
        Assert.True(call.IsSessionRefresher);
        Assert.False(bob.Incoming[0].IsSessionRefresher);
        net.Loop.RunFor(TimeSpan.FromSeconds(600));
        Assert.Equal(SipCallState.Established, call.State);
        Assert.Equal(SipCallState.Established, bob.Incoming[0].State);
        Assert.InRange(call.SessionRefreshes, 9, 10);
        Assert.InRange(bob.Incoming[0].SessionRefreshes, 9, 10);
    }

    [Fact]
    public void Session_expires_with_BYE_when_the_refresher_goes_silent()
    {
        var timers = new SipSessionTimerOptions { Interval = TimeSpan.FromSeconds(90), MinimumInterval = TimeSpan.FromSeconds(90) };
        var (net, alice, bob, call) = Established(new SipUserAgentOptions { UserName = "alice", SessionTimer = timers },
            new SipUserAgentOptions { UserName = "bob", SessionTimer = timers });
        var start = net.Loop.Now;
        net.Network.Cut("alice", "bob");
        Assert.True(net.RunUntil(() => bob.Incoming[0].IsEnded, 120));
        Assert.Equal(SipCallEndReason.SessionExpired, bob.Incoming[0].EndReason);
        Assert.Equal(TimeSpan.FromSeconds(60), net.Loop.Now - start);
        Assert.True(net.RunUntil(() => call.IsEnded, 120));
        Assert.Equal(SipCallEndReason.DialogLost, call.EndReason);
    }

    [Fact]
    public void Too_small_session_interval_gets_422_and_the_retry_uses_Min_SE()
    {
        var (net, alice, bob, call) = Established(
            new SipUserAgentOptions { UserName = "alice", SessionTimer = new SipSessionTimerOptions { Interval = TimeSpan.FromSeconds(100), MinimumInterval = TimeSpan.FromSeconds(90) } },
            new SipUserAgentOptions { UserName = "bob", SessionTimer = new SipSessionTimerOptions { Interval = TimeSpan.FromSeconds(1800), MinimumInterval = TimeSpan.FromSeconds(300) } });
        Assert.Equal(TimeSpan.FromSeconds(300), call.SessionInterval);
        Assert.Equal(2u, call.Invite.CSeq!.Value.Number);
        Assert.Equal("300", call.Invite.Headers.GetFirst("Min-SE"));
    }

    [Fact]
    public void Session_timer_is_off_when_neither_side_asks_for_it()
    {
        var (_, _, bob, call) = Established(new SipUserAgentOptions { UserName = "alice", SessionTimer = SipSessionTimerOptions.Disabled },
            new SipUserAgentOptions { UserName = "bob", SessionTimer = SipSessionTimerOptions.Disabled });
        Assert.Null(call.SessionInterval);
        Assert.Null(bob.Incoming[0].SessionInterval);
    }

    [Fact]
    public void Uas_adds_a_session_timer_and_refreshes_itself_with_update_when_the_caller_asked_for_none()
    {
        var (net, alice, bob, call) = Established(new SipUserAgentOptions { UserName = "alice", SessionTimer = SipSessionTimerOptions.Disabled },
            new SipUserAgentOptions { UserName = "bob", SessionTimer = new SipSessionTimerOptions { Interval = TimeSpan.FromSeconds(200), RefreshWithUpdate = true } });
        var bobCall = bob.Incoming[0];
        Assert.Equal(TimeSpan.FromSeconds(200), bobCall.SessionInterval);
        Assert.True(bobCall.IsSessionRefresher);
        Assert.False(call.IsSessionRefresher);
        net.Loop.RunFor(TimeSpan.FromSeconds(1000));
        Assert.Equal(SipCallState.Established, call.State);
        Assert.InRange(bobCall.SessionRefreshes, 9, 10);
        Assert.Equal(0, alice.Stack.Transactions.Counters.Timeouts + bob.Stack.Transactions.Counters.Timeouts);
    }
}
