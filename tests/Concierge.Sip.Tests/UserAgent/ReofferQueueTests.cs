using Concierge.Runtime.Transports.Simulated;
using Concierge.Sip.UserAgent;

namespace Concierge.Sip.Tests.UserAgent;

/// <summary>QueueReoffers: one INVITE transaction at a time per dialog (RFC 3261 §14.1), the newest waiting offer sent once the dialog is free.</summary>
public class ReofferQueueTests
{
    private static readonly ReadOnlyMemory<byte> FirstReoffer = UserAgentNetwork.Sdp("192.0.2.100", 20002);
    private static readonly ReadOnlyMemory<byte> LastReoffer = UserAgentNetwork.Sdp("192.0.2.100", 20004);

    private static (UserAgentNetwork Net, Agent Alice, Agent Bob) Pair(bool queue)
    {
        var net = new UserAgentNetwork(seed: 71);
        var alice = net.Add("alice", "192.0.2.1");
        var bob = net.Add("bob", "192.0.2.2", new SipUserAgentOptions { UserName = "bob", QueueReoffers = queue });
        return (net, alice, bob);
    }

    private static string Text(ReadOnlyMemory<byte> sdp) => System.Text.Encoding.ASCII.GetString(sdp.Span);

    [Fact]
    public void A_reoffer_made_right_after_the_answer_waits_for_the_ACK_and_only_the_newest_SDP_is_sent()
    {
        var (net, alice, bob) = Pair(queue: true);
        // Alice's ACK takes its time: Bob's 2xx stays unacknowledged for a while after he answered.
        net.Network.SetLinkOneWay("alice", "bob", new LinkProfile(TimeSpan.FromMilliseconds(200)));
        bob.Ua.IncomingCall += call =>
        {
            bob.Ua.Answer(call, UserAgentNetwork.Sdp("192.0.2.2"));
            Assert.True(bob.Ua.Reoffer(call, FirstReoffer)); // e.g. a switch joins the call at once
            Assert.True(bob.Ua.Reoffer(call, LastReoffer));
        };
        var call = alice.Ua.Invite(bob.Uri(), new SipInviteOptions { Sdp = UserAgentNetwork.Sdp("192.0.2.1") });
        net.Loop.RunFor(TimeSpan.FromMilliseconds(300)); // the 2xx has arrived, its ACK has not
        Assert.Equal(SipCallState.Established, call.State);
        Assert.Equal(0, alice.Log.Count(l => l == "modified"));

        net.Loop.RunFor(TimeSpan.FromSeconds(2));
        Assert.Equal(Text(LastReoffer), Text(call.RemoteSdp));
        Assert.Equal(1, alice.Log.Count(l => l == "modified"));
        Assert.Equal(["reoffer 200"], bob.Log.Where(l => l.StartsWith("reoffer", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_second_reoffer_waits_for_the_answer_to_the_first()
    {
        var (net, alice, bob) = Pair(queue: true);
        bob.AutoAnswer(TimeSpan.Zero);
        var call = alice.Ua.Invite(bob.Uri(), new SipInviteOptions { Sdp = UserAgentNetwork.Sdp("192.0.2.1") });
        var seen = new List<string>();
        alice.Ua.CallModified += c => seen.Add(Text(c.RemoteSdp));
        Assert.True(net.RunUntil(() => bob.Incoming.Count == 1 && bob.Incoming[0].State == SipCallState.Established));

        Assert.True(bob.Ua.Reoffer(bob.Incoming[0], FirstReoffer));
        Assert.True(bob.Ua.Reoffer(bob.Incoming[0], LastReoffer));
        net.Loop.RunFor(TimeSpan.FromSeconds(2));

        Assert.Equal([Text(FirstReoffer), Text(LastReoffer)], seen);
        Assert.Equal(2, bob.Log.Count(l => l == "reoffer 200"));
        Assert.Equal(SipCallState.Established, call.State);
    }

    [Fact]
    public void Without_the_option_a_reoffer_while_one_is_outstanding_is_refused()
    {
        var (net, alice, bob) = Pair(queue: false);
        bob.AutoAnswer(TimeSpan.Zero);
        alice.Ua.Invite(bob.Uri(), new SipInviteOptions { Sdp = UserAgentNetwork.Sdp("192.0.2.1") });
        Assert.True(net.RunUntil(() => bob.Incoming.Count == 1 && bob.Incoming[0].State == SipCallState.Established));

        Assert.True(bob.Ua.Reoffer(bob.Incoming[0], FirstReoffer));
        Assert.False(bob.Ua.Reoffer(bob.Incoming[0], LastReoffer));
    }
}

/// <summary>A re-INVITE that arrives while our 2xx to the previous one still waits for its (lost) ACK.</summary>
public class LostReinviteAckTests
{
    [Fact]
    public void A_newer_reinvite_is_taken_although_the_ACK_of_the_previous_answer_was_lost()
    {
        var net = new UserAgentNetwork(seed: 72);
        var alice = net.Add("alice", "192.0.2.1");
        var bob = net.Add("bob", "192.0.2.2");
        bob.AutoAnswer(TimeSpan.Zero);
        var call = alice.Ua.Invite(bob.Uri(), new SipInviteOptions { Sdp = UserAgentNetwork.Sdp("192.0.2.1") });
        Assert.True(net.RunUntil(() => bob.Incoming.Count == 1 && bob.Incoming[0].State == SipCallState.Established));

        Assert.True(alice.Ua.Reoffer(call, UserAgentNetwork.Sdp("192.0.2.1", 40002)));
        Assert.True(net.RunUntil(() => bob.Log.Contains("modified"), 1));
        // Bob's 2xx reaches Alice, but her ACK is lost.
        net.Network.SetLinkOneWay("alice", "bob", new LinkProfile(TimeSpan.FromMilliseconds(1), LossPercent: 100));
        Assert.True(net.RunUntil(() => alice.Log.Contains("reoffer 200"), 1));
        net.Network.SetLinkOneWay("alice", "bob", LinkProfile.Lan);

        Assert.True(alice.Ua.Reoffer(call, UserAgentNetwork.Sdp("192.0.2.1", 40004)));
        Assert.True(net.RunUntil(() => alice.Log.Count(l => l == "reoffer 200") == 2, 1), "answered at once, not 491 and a 2–4 s back-off");
        Assert.DoesNotContain("reoffer 491", alice.Log);
        Assert.Equal(SipCallState.Established, bob.Incoming[0].State);
    }
}
