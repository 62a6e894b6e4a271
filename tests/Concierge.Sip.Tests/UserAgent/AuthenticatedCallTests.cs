using Concierge.Sip.Auth;
using Concierge.Sip.Headers;
using Concierge.Sip.UserAgent;

namespace Concierge.Sip.Tests.UserAgent;

public class AuthenticatedCallTests
{
    private static (UserAgentNetwork Net, Agent Alice, Agent Bob) Challenging(string alicePassword)
    {
        var net = new UserAgentNetwork();
        var alice = net.Add("alice", "192.0.2.1", new SipUserAgentOptions { UserName = "alice", Credentials = new SipCredentials("alice", alicePassword) });
        var bob = net.Add("bob", "192.0.2.2");
        var digest = new SipDigestServer("bob.example.com", user => user == "alice" ? "pw" : null, net.Random.Split("digest"));
        // Bob, like a switch, demands credentials on every INVITE.
        bob.Ua.IncomingCall += call =>
        {
            if (digest.Verify(call.Invite, net.Loop.Now, out _) == SipDigestVerdict.Accepted)
            {
                bob.Ua.Answer(call, UserAgentNetwork.Sdp("192.0.2.2"));
                return;
            }
            var challenge = digest.Challenge(call.Invite, net.Loop.Now);
            var headers = challenge.Headers.GetAll(SipHeaderNames.WwwAuthenticate).Select(v => new KeyValuePair<string, string>(SipHeaderNames.WwwAuthenticate, v)).ToList();
            bob.Ua.Reject(call, 401, headers: headers);
        };
        return (net, alice, bob);
    }

    [Fact]
    public void Invite_challenged_with_401_is_resent_with_digest_credentials()
    {
        var (net, alice, bob) = Challenging("pw");
        var call = alice.Ua.Invite(bob.Uri());
        Assert.True(net.RunUntil(() => call.State == SipCallState.Established));
        Assert.Equal(2u, call.Invite.CSeq!.Value.Number);
        Assert.Contains("SHA-256", call.Invite.Headers.GetFirst(SipHeaderNames.Authorization), StringComparison.Ordinal);
        Assert.Equal(2, bob.Incoming.Count);
    }

    [Fact]
    public void Wrong_credentials_end_in_CallFailed_401_after_bounded_retries()
    {
        var (net, alice, bob) = Challenging("nope");
        var call = alice.Ua.Invite(bob.Uri());
        Assert.True(net.RunUntil(() => call.IsEnded));
        Assert.Equal(401, call.FinalStatus);
        Assert.Equal(3, bob.Incoming.Count);
        Assert.Contains("failed 401", alice.Log);
    }
}
