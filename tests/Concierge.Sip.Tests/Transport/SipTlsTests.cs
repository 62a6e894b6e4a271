using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Sip.Message;
using Concierge.Sip.Tests.UserAgent;
using Concierge.Sip.Transport;
using Concierge.Sip.UserAgent;

namespace Concierge.Sip.Tests.Transport;

public class SipTlsTests
{
    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=concierge-test", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var cert = request.CreateSelfSigned(DateTimeOffset.UnixEpoch.AddYears(50), DateTimeOffset.UnixEpoch.AddYears(80));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
    }

    [Fact]
    public async Task Call_over_tls_with_a_configured_certificate_on_real_sockets()
    {
        using var certificate = SelfSigned();
        var seenThumbprints = new List<string>();
        var tls = new SipTlsOptions
        {
            ServerCertificate = certificate,
            ValidatePeer = (_, cert, _, _) =>
            {
                lock (seenThumbprints) seenThumbprints.Add(cert?.GetCertHashString() ?? "none");
                return cert?.GetCertHashString() == certificate.GetCertHashString();
            },
        };
        var faults = new List<Exception>();
        using var loop = new RealEventLoop("tls-test", ex => { lock (faults) faults.Add(ex); });
        SipStack NewStack(string name) => new(loop, new Runtime.Transports.Sockets.SocketNetworkStack(loop, IPAddress.Loopback), new SipStackOptions
        {
            Name = name,
            Transport = new SipTransportOptions { UdpPort = null, TcpPort = null, TlsPort = 0, TlsStack = new SipTlsNetworkStack(loop, IPAddress.Loopback, tls) },
        }, new DeterministicRandom(1).Split(name));
        var (alice, bob) = await loop.InvokeAsync(() => (NewStack("alice"), NewStack("bob")));
        var (aliceUa, bobUa) = await loop.InvokeAsync(() => (new SipUserAgent(alice, new SipUserAgentOptions { UserName = "alice" }), new SipUserAgent(bob, new SipUserAgentOptions { UserName = "bob" })));
        var bobCalls = new List<SipCall>();
        bobUa.IncomingCall += c => { bobCalls.Add(c); bobUa.Answer(c, UserAgentNetwork.Sdp("127.0.0.1")); };
        var target = new SipUri("sips", "bob", "127.0.0.1", bob.Transport.LocalPort(SipTransportProtocol.Tls));
        var call = await loop.InvokeAsync(() => aliceUa.Invite(target, new SipInviteOptions { Sdp = UserAgentNetwork.Sdp("127.0.0.1") }));
        try
        {
            for (var i = 0; i < 100 && await loop.InvokeAsync(() => bobCalls.Count == 0 || bobCalls[0].State != SipCallState.Established); i++)
                await Task.Delay(50);
            var diagnostics = await loop.InvokeAsync(() => $"alice sent {alice.Transport.Counters.MessagesSent} recv {alice.Transport.Counters.MessagesReceived} fail {alice.Transport.Counters.SendFailures} open {alice.Transport.Counters.ConnectionsOpened}; bob recv {bob.Transport.Counters.MessagesReceived} acc {bob.Transport.Counters.ConnectionsAccepted} rej {bob.RequestsRejected}; seen {seenThumbprints.Count}; faults {faults.Count} {string.Join(";", faults)}");
            Assert.True(SipCallState.Established == await loop.InvokeAsync(() => call.State), diagnostics);
            await loop.InvokeAsync(() => { aliceUa.Bye(call); return 0; });
            for (var i = 0; i < 100 && !await loop.InvokeAsync(() => bobCalls[0].IsEnded); i++) await Task.Delay(50);
            Assert.Equal(SipCallEndReason.RemoteBye, await loop.InvokeAsync(() => bobCalls[0].EndReason));
            Assert.Equal("TLS", await loop.InvokeAsync(() => bobCalls[0].Invite.TopVia!.Transport));
            Assert.NotEmpty(seenThumbprints);
            Assert.Equal(0, await loop.InvokeAsync(() => alice.Transport.Counters.SendFailures + bob.Transport.Counters.SendFailures));
            Assert.Empty(faults);
        }
        finally
        {
            await loop.InvokeAsync(() => { alice.Dispose(); bob.Dispose(); return 0; });
        }
    }

    [Fact]
    public async Task Tls_connect_to_a_peer_with_an_untrusted_certificate_fails_the_call()
    {
        using var certificate = SelfSigned();
        using var loop = new RealEventLoop("tls-reject");
        var serverTls = new SipTlsOptions { ServerCertificate = certificate };
        var clientTls = new SipTlsOptions { ValidatePeer = (_, _, _, _) => false };
        var (server, client) = await loop.InvokeAsync(() => (
            new SipStack(loop, new Runtime.Transports.Sockets.SocketNetworkStack(loop, IPAddress.Loopback), new SipStackOptions
            { Transport = new SipTransportOptions { UdpPort = null, TcpPort = null, TlsPort = 0, TlsStack = new SipTlsNetworkStack(loop, IPAddress.Loopback, serverTls) } }, new DeterministicRandom(2)),
            new SipStack(loop, new Runtime.Transports.Sockets.SocketNetworkStack(loop, IPAddress.Loopback), new SipStackOptions
            { Transport = new SipTransportOptions { UdpPort = null, TcpPort = null, TlsPort = null, TlsStack = new SipTlsNetworkStack(loop, IPAddress.Loopback, clientTls) } }, new DeterministicRandom(3))));
        var ua = await loop.InvokeAsync(() => new SipUserAgent(client));
        var failed = 0;
        ua.CallFailed += (_, status, _) => failed = status;
        var target = new SipUri("sips", "x", "127.0.0.1", server.Transport.LocalPort(SipTransportProtocol.Tls));
        await loop.InvokeAsync(() => ua.Invite(target));
        for (var i = 0; i < 100 && await loop.InvokeAsync(() => failed == 0); i++) await Task.Delay(50);
        Assert.Equal(503, await loop.InvokeAsync(() => failed));
        await loop.InvokeAsync(() => { server.Dispose(); client.Dispose(); return 0; });
    }

    [Fact]
    public void In_simulation_the_tls_stack_is_the_simulated_host_and_sips_routes_over_it()
    {
        var net = new UserAgentNetwork();
        var loop = net.Loop;
        var aliceHost = net.Network.AddHost("alice", IPAddress.Parse("192.0.2.1"));
        var bobHost = net.Network.AddHost("bob", IPAddress.Parse("192.0.2.2"));
        SipStackOptions Options(Runtime.Transports.INetworkStack host) => new() { Transport = new SipTransportOptions { TlsStack = host } };
        var alice = new SipUserAgent(new SipStack(loop, aliceHost, Options(aliceHost), new DeterministicRandom(1)));
        var bobStack = new SipStack(loop, bobHost, Options(bobHost), new DeterministicRandom(2));
        var bob = new SipUserAgent(bobStack);
        bob.IncomingCall += c => bob.Answer(c, UserAgentNetwork.Sdp("192.0.2.2"));
        var call = alice.Invite(new SipUri("sips", "bob", "192.0.2.2", null));
        Assert.True(loop.RunUntil(() => call.State == SipCallState.Established, TimeSpan.FromSeconds(5)));
        Assert.Equal(5061, bobStack.Transport.LocalPort(SipTransportProtocol.Tls));
        Assert.Equal(1, bobStack.Transport.Counters.ConnectionsAccepted);
    }
}
