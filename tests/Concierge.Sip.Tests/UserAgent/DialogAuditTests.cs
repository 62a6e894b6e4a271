using Concierge.Sip.UserAgent;

namespace Concierge.Sip.Tests.UserAgent;

/// <summary>
/// After a peer's silence the user agent probes its dialogs with that peer (DialogAuditAfterSilence): the PBX that
/// cleared a call while the link was cut answers 481 and the call ends here too; a live call stays.
/// </summary>
public sealed class DialogAuditTests
{
    private static readonly TimeSpan Silence = TimeSpan.FromSeconds(10);

    private static (UserAgentNetwork Net, Agent Cps, Agent Pbx, SipCall PbxCall, SipCall CpsCall) Established(bool audit)
    {
        var net = new UserAgentNetwork();
        var cps = net.Add("cps", "192.0.2.20", new SipUserAgentOptions { UserName = "cps", DialogAuditAfterSilence = audit ? Silence : null });
        var pbx = net.Add("pbx", "192.0.2.10");
        cps.AutoAnswer(TimeSpan.FromMilliseconds(100));
        var call = pbx.Ua.Invite(cps.Uri(), new SipInviteOptions { Sdp = UserAgentNetwork.Sdp("192.0.2.10") });
        Assert.True(net.RunUntil(() => call.State == SipCallState.Established && cps.Incoming.Count == 1 && cps.Incoming[0].State == SipCallState.Established));
        return (net, cps, pbx, call, cps.Incoming[0]);
    }

    // The PBX clears the call while the link is cut (its BYE is lost for good), then probes the CPS again.
    private static void ClearDuringOutage(UserAgentNetwork net, Agent pbx, SipCall pbxCall, bool clear)
    {
        net.Network.Cut("cps", "pbx");
        if (clear) pbx.Ua.Bye(pbxCall);
        net.Loop.RunFor(TimeSpan.FromSeconds(40));
        net.Network.Restore("cps", "pbx");
        var answered = false;
        pbx.Ua.SendOptions(SipUriOf(net), (_, response) => answered = response is not null);
        Assert.True(net.RunUntil(() => answered, 10));
    }

    private static Message.SipUri SipUriOf(UserAgentNetwork net) => net.Agents["cps"].Uri();

    [Fact]
    public void A_call_the_peer_cleared_while_unreachable_ends_when_the_peer_is_heard_again()
    {
        var (net, cps, pbx, pbxCall, cpsCall) = Established(audit: true);
        ClearDuringOutage(net, pbx, pbxCall, clear: true);

        Assert.True(net.RunUntil(() => cpsCall.IsEnded, 40), "the CPS kept a call the PBX had cleared");
        Assert.Equal(SipCallEndReason.DialogLost, cpsCall.EndReason);
        Assert.Equal(1, cps.Ua.DialogAudits);
    }

    [Fact]
    public void A_live_call_survives_the_audit()
    {
        var (net, cps, pbx, pbxCall, cpsCall) = Established(audit: true);
        ClearDuringOutage(net, pbx, pbxCall, clear: false);
        net.Loop.RunFor(TimeSpan.FromSeconds(40));

        Assert.Equal(1, cps.Ua.DialogAudits);
        Assert.Equal(SipCallState.Established, cpsCall.State);
        Assert.Equal(SipCallState.Established, pbxCall.State);
    }

    [Fact]
    public void Without_the_option_nothing_is_probed_and_the_dead_call_stays()
    {
        var (net, cps, pbx, pbxCall, cpsCall) = Established(audit: false);
        ClearDuringOutage(net, pbx, pbxCall, clear: true);
        net.Loop.RunFor(TimeSpan.FromSeconds(40));

        Assert.Equal(0, cps.Ua.DialogAudits);
        Assert.Equal(SipCallState.Established, cpsCall.State);
    }
}
