using System.Text;
using Concierge.Media;
using Concierge.Runtime.Randomness;
using Concierge.Simulators.Osv.Dns;
using Concierge.Simulators.Phones.Agents;
using Concierge.Simulators.Phones.Sip;
using Concierge.Simulators.Tests.Support;
using Concierge.Sip.Message;
using Concierge.Sip.Registration;
using Concierge.Sip.Transport;
using Concierge.Sip.UserAgent;

namespace Concierge.Simulators.Tests.Osv;

/// <summary>The OSV simulator against the production SIP stack (Concierge.Sip user agent and registration client) as the CPS.</summary>
public sealed class SipUserAgentInteropTests
{
    private const string Zone = "osvcluster.com";

    [Fact]
    public void A_CPS_on_the_library_user_agent_registers_through_DNS_SRV_failover_and_takes_a_pilot_call()
    {
        var world = new OsvWorld(OsvWorld.Variant("""
            extends: osv-example
            name: variant
            network:
              hosts:
                osv2: 192.0.2.11
            osv:
              geoSeparation:
                zone: osvcluster.com
                nodes:
                  osvnode1: { host: osv, priority: 0 }
                  osvnode2: { host: osv2, priority: 1 }
            """), seed: 121);
        var random = new DeterministicRandom(121);
        var resolver = new SimulatedSipResolver(world.Loop, random.Split("dns")).AddOsvNodes(world.Osv.Dns, Zone);
        // The CPS cannot reach the first node: the registration client fails over to the second.
        world.Network.Cut("cps", "osv");
        var cpsHost = world.Network.Hosts.First(h => h.Name == "cps");
        // Port 5060 of the cps host is the stand-in CPS's; the library CPS takes 5062.
        var stack = new SipStack(world.Loop, cpsHost, new SipStackOptions { Name = "cps.lib", Transport = new SipTransportOptions { UdpPort = 5062, TcpPort = null } },
            random.Split("sip"), world.Trace);
        var ua = new SipUserAgent(stack, new SipUserAgentOptions { UserName = "CPS1", SessionTimer = SipSessionTimerOptions.Disabled });
        var registration = new SipRegistrationClient(stack, new SipRegistrationOptions
        {
            Domain = Zone,
            AddressOfRecord = SipUri.Parse("sip:CPS1@" + Zone),
            Interval = TimeSpan.FromSeconds(305),
            OsvProfile = true,
        }, resolver, random.Split("reg"));
        registration.Start();
        world.Loop.RunUntil(() => world.Osv.IsRegistered("CPS001"), TimeSpan.FromSeconds(120));
        Assert.True(world.Osv.IsRegistered("CPS001"));
        Assert.Equal("osvnode2", world.Osv.Registrar.Current("CPS001")!.Node);

        var rtp = new System.Net.IPEndPoint(cpsHost.Address, 41000);
        world.Media.Transmit(rtp, MediaContent.VoiceOf("CPS"));
        SipCall? incoming = null;
        ua.IncomingCall += call =>
        {
            incoming = call;
            ua.Answer(call, Concierge.Simulators.Phones.Sip.AudioSdp.For(rtp));
        };
        var caller = world.Callers.Dial("c1", "+493011100001", "+4950505803201");
        world.Run(TimeSpan.FromSeconds(2));
        Assert.NotNull(incoming);
        Assert.Equal("+4950505803201", incoming!.Invite.RequestUri.User);
        Assert.Equal(SipCallState.Established, incoming.State);
        Assert.Equal(PartyCallState.Connected, caller.State);
        Assert.Equal(MediaContent.VoiceOf("CPS"), caller.Hears);

        // The CPS calls an office phone (charged to an attendant) and joins the caller with it by REFER/Replaces.
        var rtp2 = new System.Net.IPEndPoint(cpsHost.Address, 41002);
        var registrar = world.Osv.Registrar.Current("CPS001")!;
        var nodeAddress = world.Osv.Dns.ResolveSrv(SimulatedDns.SipService(Zone))[1].EndPoint;
        var outgoing = ua.Invite(SipUri.Sip("+4950505807001", nodeAddress.Address.ToString(), nodeAddress.Port), new SipInviteOptions
        {
            Sdp = Concierge.Simulators.Phones.Sip.AudioSdp.For(rtp2),
            Destination = SipEndPoint.Udp(nodeAddress.Address, nodeAddress.Port),
            Headers = [new("X-Siemens-CDR", "charge=+4950505807580")],
        });
        world.Run(TimeSpan.FromSeconds(1));
        Assert.True(world.Phone("7001").IsRinging);
        world.Phone("7001").Answer();
        world.Run(TimeSpan.FromSeconds(1));
        Assert.Equal(SipCallState.Established, outgoing.State);
        Assert.Equal("osvnode2", registrar.Node);

        var progress = new List<int>();
        ua.ReferProgress += (call, status) => { if (call == incoming) progress.Add(status); };
        Assert.True(ua.Refer(incoming, SipUri.Sip("+4950505807001", nodeAddress.Address.ToString()), outgoing));
        world.Run(TimeSpan.FromSeconds(3));
        Assert.Contains(200, progress);
        Assert.True(incoming.IsEnded);
        Assert.True(outgoing.IsEnded);
        Assert.Equal(MediaContent.VoiceOf("+4950505807001"), caller.Hears);
        Assert.Equal(MediaContent.VoiceOf("+493011100001"), world.Phone("7001").Hears);

        caller.Hangup();
        world.Run(TimeSpan.FromSeconds(2));
        Assert.False(world.Phone("7001").IsConnected);
    }
}
