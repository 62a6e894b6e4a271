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

        // Probed on being heard again, and once more when that keep-alive was not followed by another within 10 s.
        Assert.Equal(2, cps.Ua.DialogAudits);
        Assert.Equal(1, cps.Ua.SilenceAudits);
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

    // The PBX keeps the CPS alive with OPTIONS every 1.5 s, then the link is cut and the PBX, taking the CPS for dead,
    // clears the call and never probes it again (it dropped the registration). The link comes back (or not) after the
    // PBX's BYE has given up, so only the CPS's own probe can find out.
    private static void KeepAliveThenSilence(UserAgentNetwork net, Agent pbx, SipCall pbxCall, bool clear, bool restore)
    {
        for (var i = 0; i < 4; i++)
        {
            pbx.Ua.SendOptions(SipUriOf(net), (_, _) => { });
            net.Loop.RunFor(TimeSpan.FromSeconds(1.5));
        }
        net.Network.Cut("cps", "pbx");
        if (clear) pbx.Ua.Bye(pbxCall);
        net.Loop.RunFor(TimeSpan.FromSeconds(33)); // the PBX's BYE has given up by now
        if (restore) net.Network.Restore("cps", "pbx");
    }

    [Fact]
    public void A_keep_alive_peer_that_falls_silent_for_good_has_its_dialogs_probed_and_a_cleared_call_ends()
    {
        var (net, cps, pbx, pbxCall, cpsCall) = Established(audit: true);
        KeepAliveThenSilence(net, pbx, pbxCall, clear: true, restore: true);

        Assert.True(net.RunUntil(() => cpsCall.IsEnded, 60), "the CPS kept a call the silent PBX had cleared");
        Assert.Equal(SipCallEndReason.DialogLost, cpsCall.EndReason);
        Assert.Equal(1, cps.Ua.SilenceAudits);
    }

    [Fact]
    public void A_call_with_a_silent_peer_that_stays_unreachable_ends_when_the_probe_goes_unanswered()
    {
        var (net, cps, pbx, pbxCall, cpsCall) = Established(audit: true);
        KeepAliveThenSilence(net, pbx, pbxCall, clear: false, restore: false);

        Assert.True(net.RunUntil(() => cpsCall.IsEnded, 90), "the CPS kept a call with a peer it cannot reach");
        Assert.Equal(SipCallEndReason.DialogLost, cpsCall.EndReason);
    }

    [Fact]
    public void A_live_call_with_a_silent_peer_survives_its_probe()
    {
        var (net, cps, pbx, pbxCall, cpsCall) = Established(audit: true);
        KeepAliveThenSilence(net, pbx, pbxCall, clear: false, restore: true);
        net.Loop.RunFor(TimeSpan.FromSeconds(60));

        Assert.Equal(1, cps.Ua.SilenceAudits);
        Assert.Equal(SipCallState.Established, cpsCall.State);
        Assert.Equal(SipCallState.Established, pbxCall.State);
    }

    [Fact]
    public void A_peer_that_never_sent_keep_alives_is_not_watched()
    {
        var (net, cps, _, _, cpsCall) = Established(audit: true);
        net.Loop.RunFor(TimeSpan.FromSeconds(120));

        Assert.Equal(0, cps.Ua.SilenceAudits);
        Assert.Equal(SipCallState.Established, cpsCall.State);
    }
}
