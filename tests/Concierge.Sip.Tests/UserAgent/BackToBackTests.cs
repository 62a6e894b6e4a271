using Concierge.Runtime.Transports.Simulated;
using Concierge.Sip.Message;
using Concierge.Sip.UserAgent;

namespace Concierge.Sip.Tests.UserAgent;

/// <summary>The README's B2BUA sketch, run: a middle agent bridges each incoming call to a second leg.</summary>
public class BackToBackTests
{
    private static (UserAgentNetwork Net, Agent Caller, Agent B2bua, Agent Callee) Bridge()
    {
        var net = new UserAgentNetwork(11, new LinkProfile(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(5), LossPercent: 5));
        var caller = net.Add("caller", "192.0.2.1");
        var b2bua = net.Add("cps", "192.0.2.10");
        var callee = net.Add("pbx", "192.0.2.20");
        var ua = b2bua.Ua;
        ua.IncomingCall += inbound =>
        {
            var outbound = ua.Invite(SipUri.Sip(inbound.Invite.RequestUri.User, "192.0.2.20"), new SipInviteOptions
            {
                Sdp = inbound.RemoteSdp,
                Headers = [new("P-Asserted-Identity", new NameAddress(inbound.Invite.From!.Uri, inbound.Invite.From.DisplayName).ToString())],
            });
            inbound.UserState = outbound;
            outbound.UserState = inbound;
        };
        ua.CallRinging += (c, status) => { if (c.IsOutgoing) ua.Ring((SipCall)c.UserState!, status); };
        ua.CallAnswered += c => { if (c.IsOutgoing) ua.Answer((SipCall)c.UserState!, c.RemoteSdp); };
        ua.CallFailed += (c, status, _) => { if (c.IsOutgoing) ua.Reject((SipCall)c.UserState!, status); };
        ua.CallEnded += (c, _) => { if (c.UserState is SipCall other) ua.Hangup(other); };
        return (net, caller, b2bua, callee);
    }

    [Fact]
    public void Answer_and_hangup_are_relayed_across_the_two_legs()
    {
        var (net, caller, b2bua, callee) = Bridge();
        callee.AutoAnswer(TimeSpan.FromSeconds(2));
        var call = caller.Ua.Invite(SipUri.Sip("4711", "192.0.2.10"), new SipInviteOptions { Sdp = UserAgentNetwork.Sdp("192.0.2.1") });
        Assert.True(net.RunUntil(() => call.State == SipCallState.Established && callee.Incoming.Count == 1 && callee.Incoming[0].State == SipCallState.Established));
        Assert.Equal(new[] { "ringing 180", "answered" }, caller.Log);
        Assert.Equal("4711", callee.Incoming[0].Invite.RequestUri.User);
        Assert.Contains("caller", callee.Incoming[0].Invite.Headers.GetFirst("P-Asserted-Identity"), StringComparison.Ordinal);
        Assert.Equal(call.RemoteSdp.ToArray(), callee.Incoming[0].LocalSdp.ToArray());

        callee.Ua.Bye(callee.Incoming[0]);
        Assert.True(net.RunUntil(() => call.IsEnded));
        Assert.Equal(SipCallEndReason.RemoteBye, call.EndReason);
        Assert.True(net.RunUntil(() => b2bua.Ua.Calls.Count == 0));
    }

    [Fact]
    public void Caller_cancel_and_callee_busy_are_relayed()
    {
        var (net, caller, b2bua, callee) = Bridge();
        callee.Ua.IncomingCall += c => callee.Ua.Ring(c);
        var first = caller.Ua.Invite(SipUri.Sip("4711", "192.0.2.10"));
        Assert.True(net.RunUntil(() => first.State == SipCallState.Ringing));
        caller.Ua.Cancel(first);
        Assert.True(net.RunUntil(() => first.IsEnded && callee.Incoming.Count == 1 && callee.Incoming[0].IsEnded));
        Assert.Equal(SipCallEndReason.RemoteCancel, callee.Incoming[0].EndReason);

        callee.Ua.IncomingCall += c => callee.Ua.Reject(c, 486);
        var second = caller.Ua.Invite(SipUri.Sip("4711", "192.0.2.10"));
        Assert.True(net.RunUntil(() => second.IsEnded));
        Assert.Equal(486, second.FinalStatus);
        Assert.True(net.RunUntil(() => b2bua.Ua.Calls.Count == 0));
    }
}
