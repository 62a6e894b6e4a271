using Concierge.Sip.Headers;
using Concierge.Sip.UserAgent;

namespace Concierge.Sip.Tests.UserAgent;

/// <summary>What a caller learns about its call beyond the events: the first response of any kind, and the failure response itself.</summary>
public class CallOutcomeTests
{
    [Fact]
    public void CallTrying_reports_the_first_response_100_Trying_included_once()
    {
        var net = new UserAgentNetwork();
        var alice = net.Add("alice", "192.0.2.1");
        var bob = net.Add("bob", "192.0.2.2");
        bob.AutoAnswer(TimeSpan.FromSeconds(1));
        var trying = new List<int>();
        alice.Ua.CallTrying += (_, status) => trying.Add(status);
        var call = alice.Ua.Invite(bob.Uri(), new SipInviteOptions { Sdp = UserAgentNetwork.Sdp("192.0.2.1") });
        Assert.True(net.RunUntil(() => call.State == SipCallState.Established));
        Assert.Equal([100], trying);
    }

    [Fact]
    public void A_redirect_keeps_its_response_so_the_caller_can_read_the_Contact()
    {
        var net = new UserAgentNetwork();
        var alice = net.Add("alice", "192.0.2.1");
        var bob = net.Add("bob", "192.0.2.2");
        bob.Ua.IncomingCall += c => bob.Ua.Reject(c, 302, headers: [new(SipHeaderNames.Contact, "<sip:carol@192.0.2.3>")]);
        var call = alice.Ua.Invite(bob.Uri(), new SipInviteOptions { Sdp = UserAgentNetwork.Sdp("192.0.2.1") });
        Assert.True(net.RunUntil(() => call.IsEnded));
        Assert.Equal(302, call.FinalStatus);
        Assert.Equal("carol", call.FailureResponse?.Contact?.Uri.User);
    }

    [Fact]
    public void ScreenRefer_refuses_a_REFER_with_its_status_instead_of_202()
    {
        var net = new UserAgentNetwork();
        var alice = net.Add("alice", "192.0.2.1");
        var bob = net.Add("bob", "192.0.2.2");
        bob.AutoAnswer(TimeSpan.Zero);
        bob.Ua.ScreenRefer = (_, refer) => refer.Target.User == "nobody" ? 603 : 202;
        var call = alice.Ua.Invite(bob.Uri(), new SipInviteOptions { Sdp = UserAgentNetwork.Sdp("192.0.2.1") });
        Assert.True(net.RunUntil(() => call.State == SipCallState.Established));

        Assert.True(alice.Ua.Refer(call, Concierge.Sip.Message.SipUri.Sip("nobody", "192.0.2.9")));
        Assert.True(net.RunUntil(() => alice.Log.Contains("refer-progress 603")));
        Assert.Empty(bob.Refers);
        Assert.True(alice.Ua.Refer(call, Concierge.Sip.Message.SipUri.Sip("carol", "192.0.2.9")));
        Assert.True(net.RunUntil(() => alice.Log.Contains("refer-progress 202")));
        Assert.Single(bob.Refers);
    }
}
