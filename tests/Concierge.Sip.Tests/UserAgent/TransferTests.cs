using Concierge.Sip.Headers;
using Concierge.Sip.UserAgent;

namespace Concierge.Sip.Tests.UserAgent;

public class TransferTests
{
    [Fact]
    public void Blind_transfer_by_REFER_reports_the_new_call_by_NOTIFY()
    {
        var net = new UserAgentNetwork();
        var alice = net.Add("alice", "192.0.2.1");
        var bob = net.Add("bob", "192.0.2.2");
        var carol = net.Add("carol", "192.0.2.3");
        bob.AutoAnswer(TimeSpan.FromMilliseconds(100));
        carol.AutoAnswer(TimeSpan.FromMilliseconds(500));
        // Bob, the transferee, follows every REFER and reports the new call's progress.
        bob.Ua.ReferReceived += refer =>
        {
            var next = bob.Ua.Invite(refer.Target, new SipInviteOptions { Replaces = refer.Replaces, Sdp = UserAgentNetwork.Sdp("192.0.2.2") });
            bob.Ua.CallAnswered += c => { if (c == next) { bob.Ua.NotifyReferProgress(refer, 200); bob.Ua.Bye(refer.Call); } };
        };
        var call = alice.Ua.Invite(bob.Uri(), new SipInviteOptions { Sdp = UserAgentNetwork.Sdp("192.0.2.1") });
        Assert.True(net.RunUntil(() => call.State == SipCallState.Established));

        Assert.True(alice.Ua.Refer(call, carol.Uri()));
        Assert.True(net.RunUntil(() => call.IsEnded && carol.Incoming.Count == 1 && carol.Incoming[0].State == SipCallState.Established));
        Assert.Equal(new[] { "refer-progress 202", "refer-progress 100", "refer-progress 200" }, alice.Log.Where(l => l.StartsWith("refer-progress", StringComparison.Ordinal)));
        Assert.Equal("carol", bob.Refers[0].Target.User);
        Assert.Null(bob.Refers[0].Replaces);
        Assert.Equal(SipCallEndReason.RemoteBye, call.EndReason);
        Assert.Equal("bob", carol.Incoming[0].RemoteParty!.Uri.User);
    }

    [Fact]
    public void A_REFER_that_gets_no_answer_ends_as_408_so_the_referrer_always_learns_its_outcome()
    {
        var net = new UserAgentNetwork();
        var alice = net.Add("alice", "192.0.2.1");
        var bob = net.Add("bob", "192.0.2.2");
        var carol = net.Add("carol", "192.0.2.3");
        bob.AutoAnswer(TimeSpan.FromMilliseconds(100));
        var call = alice.Ua.Invite(bob.Uri(), new SipInviteOptions { Sdp = UserAgentNetwork.Sdp("192.0.2.1") });
        Assert.True(net.RunUntil(() => call.State == SipCallState.Established));

        net.Network.Cut("alice", "bob");
        Assert.True(alice.Ua.Refer(call, carol.Uri()));

        Assert.True(net.RunUntil(() => alice.Log.Contains("refer-progress 408")));
        Assert.True(call.IsEnded);
        Assert.Empty(bob.Refers);
    }

    [Fact]
    public void Attended_transfer_carries_Replaces_and_the_target_matches_its_own_dialog()
    {
        var net = new UserAgentNetwork();
        var alice = net.Add("alice", "192.0.2.1");
        var bob = net.Add("bob", "192.0.2.2");
        var carol = net.Add("carol", "192.0.2.3");
        bob.AutoAnswer(TimeSpan.FromMilliseconds(100));
        carol.AutoAnswer(TimeSpan.FromMilliseconds(100));
        bob.Ua.ReferReceived += refer => bob.Ua.Invite(refer.Target, new SipInviteOptions { Replaces = refer.Replaces });
        // Carol accepts a replacing call by ending the call it replaces.
        carol.Ua.IncomingCall += c => { if (c.Replaces is { } old) carol.Ua.Bye(old); };

        var toBob = alice.Ua.Invite(bob.Uri());
        var toCarol = alice.Ua.Invite(carol.Uri());
        Assert.True(net.RunUntil(() => toBob.State == SipCallState.Established && toCarol.State == SipCallState.Established));
        var carolOriginal = carol.Incoming[0];

        Assert.True(alice.Ua.Refer(toBob, carol.Uri(), replaces: toCarol));
        Assert.True(net.RunUntil(() => carol.Incoming.Count == 2 && carol.Incoming[1].State == SipCallState.Established && toCarol.IsEnded));
        Assert.Same(carolOriginal, carol.Incoming[1].Replaces);
        Assert.Equal(SipCallEndReason.RemoteBye, toCarol.EndReason);
        var replaces = bob.Refers[0].Replaces!;
        Assert.Equal(toCarol.CallId, replaces.CallId);
        Assert.Equal(carolOriginal.LocalTag, replaces.ToTag);
    }

    [Fact]
    public void Invite_with_Replaces_for_an_unknown_dialog_gets_481()
    {
        var net = new UserAgentNetwork();
        var alice = net.Add("alice", "192.0.2.1");
        var bob = net.Add("bob", "192.0.2.2");
        var call = alice.Ua.Invite(bob.Uri(), new SipInviteOptions { Replaces = new SipReplaces("nope@x", "a", "b") });
        Assert.True(net.RunUntil(() => call.IsEnded));
        Assert.Equal(481, call.FinalStatus);
        Assert.Empty(bob.Incoming);
    }
}
