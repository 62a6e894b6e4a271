using System.Net;
using Concierge.Sip.Headers;
using Concierge.Sip.Message;
using Concierge.Sip.Parsing;
using Concierge.Sip.UserAgent;

namespace Concierge.Sip.Tests.UserAgent;

/// <summary>A hand-driven peer that answers one INVITE twice, as a forking proxy would, and late again.</summary>
public class ForkingTests
{
    [Fact]
    public void Second_fork_2xx_is_acked_and_byed_and_a_late_retransmission_is_acked_again()
    {
        var net = new UserAgentNetwork();
        var alice = net.Add("alice", "192.0.2.1");
        var peerHost = net.Network.AddHost("proxy", IPAddress.Parse("192.0.2.5"));
        var received = new List<SipRequest>();
        var peer = peerHost.BindDatagram(5060, (payload, from) =>
        {
            if (SipParser.TryParse(payload, out var m, out _) && m is SipRequest r) received.Add(r);
        });
        SipResponse Ok(SipRequest invite, string tag)
        {
            var ok = SipResponse.CreateFor(invite, 200);
            ok.To = invite.To!.WithTag(tag);
            ok.Headers.Add(SipHeaderNames.Contact, $"<sip:{tag}@192.0.2.5:5060>");
            return ok;
        }
        void Send(SipMessage m) => peer.Send(m.ToBytes(), new IPEndPoint(IPAddress.Parse("192.0.2.1"), 5060));

        var call = alice.Ua.Invite(SipUri.Sip("bob", "192.0.2.5"));
        Assert.True(net.RunUntil(() => received.Count == 1));
        var invite = received[0];
        Send(Ok(invite, "forkA"));
        Assert.True(net.RunUntil(() => call.State == SipCallState.Established));
        Send(Ok(invite, "forkB"));
        net.Loop.RunFor(TimeSpan.FromSeconds(1));

        var acks = received.Where(r => r.Method == SipMethod.Ack).Select(r => r.To!.Tag).ToList();
        Assert.Equal(new[] { "forkA", "forkB" }, acks);
        var byes = received.Where(r => r.Method == SipMethod.Bye).ToList();
        Assert.Single(byes.Select(b => b.TopVia!.Branch).Distinct());
        var bye = byes[0];
        Assert.Equal("forkB", bye.To!.Tag);
        Assert.Equal("sip:forkB@192.0.2.5:5060", bye.RequestUriText);
        Assert.Equal(SipCallState.Established, call.State);
        Assert.Equal("forkA", call.Dialog!.Id.RemoteTag);

        net.Loop.RunFor(TimeSpan.FromSeconds(40));
        Send(Ok(invite, "forkA"));
        net.Loop.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(3, received.Count(r => r.Method == SipMethod.Ack));
        Assert.Equal("forkA", received.Last(r => r.Method == SipMethod.Ack).To!.Tag);
    }
}
