using System.Net;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Transports.Simulated;
using Concierge.Simulators.Phones.Sip;
using Concierge.Sip.Message;

namespace Concierge.Simulators.Tests.Phones;

/// <summary>Re-INVITEs of the simulators' SIP legs: one INVITE transaction at a time on a dialog (RFC 3261 §14.1).</summary>
public sealed class SipLegReinviteTests
{
    private static readonly string AnswerSdp = SimpleSdp.For(new IPEndPoint(IPAddress.Parse("192.0.2.31"), 20000));
    private static readonly string FirstReoffer = SimpleSdp.For(new IPEndPoint(IPAddress.Parse("192.0.2.100"), 20002));
    private static readonly string LastReoffer = SimpleSdp.For(new IPEndPoint(IPAddress.Parse("192.0.2.100"), 20004));

    private readonly SimulatedEventLoop _loop = new();
    private readonly SipAgent _caller;
    private readonly SipAgent _switch;
    private readonly SimulatedNetwork _network;

    public SipLegReinviteTests()
    {
        var random = new DeterministicRandom(71);
        var network = _network = new SimulatedNetwork(_loop, random.Split("net"));
        var callerHost = network.AddHost("caller", IPAddress.Parse("192.0.2.30"));
        var switchHost = network.AddHost("switch", IPAddress.Parse("192.0.2.31"));
        // The caller's ACK takes its time: the switch's 2xx stays unacknowledged for a while after it answered.
        network.SetLinkOneWay("caller", "switch", new LinkProfile(TimeSpan.FromMilliseconds(200)));
        _caller = new SipAgent("caller", _loop, callerHost, 5060, random.Split("caller"));
        _switch = new SipAgent("switch", _loop, switchHost, 5060, random.Split("switch"));
    }

    private SipLeg Dial() => _caller.Call(SipUri.Sip("3201", "192.0.2.31"), new NameAddress(SipUri.Sip("anna", "192.0.2.30")),
        new NameAddress(SipUri.Sip("3201", "192.0.2.31")), _switch.LocalEndPoint,
        SimpleSdp.For(new IPEndPoint(IPAddress.Parse("192.0.2.30"), 30000)));

    [Fact]
    public void A_reoffer_made_right_after_the_answer_waits_for_the_ACK_and_only_the_newest_SDP_is_sent()
    {
        _switch.IncomingCall += leg =>
        {
            leg.Answer(AnswerSdp);
            leg.ReInvite(FirstReoffer); // e.g. the switch joins the call at once
            leg.ReInvite(LastReoffer);
        };
        var reoffers = 0;
        var leg = Dial();
        leg.RemoteSdpChanged += _ => reoffers++;

        _loop.RunFor(TimeSpan.FromMilliseconds(300)); // the 2xx has arrived, its ACK has not
        Assert.Equal(SipLegState.Established, leg.State);
        Assert.Equal(AnswerSdp, leg.RemoteSdp);

        _loop.RunFor(TimeSpan.FromSeconds(2));
        Assert.Equal(LastReoffer, leg.RemoteSdp);
        Assert.Equal(1, reoffers);
    }

    [Fact]
    public void A_second_reoffer_waits_for_the_answer_to_the_first()
    {
        SipLeg? switchLeg = null;
        _switch.IncomingCall += leg => { switchLeg = leg; leg.Answer(AnswerSdp); };
        var seen = new List<string?>();
        var leg = Dial();
        leg.RemoteSdpChanged += l => seen.Add(l.RemoteSdp);
        _loop.RunFor(TimeSpan.FromSeconds(1));

        var results = new List<bool>();
        switchLeg!.ReInvite(FirstReoffer, results.Add);
        switchLeg.ReInvite(LastReoffer, results.Add);
        _loop.RunFor(TimeSpan.FromSeconds(2));

        Assert.Equal([FirstReoffer, LastReoffer], seen);
        Assert.Equal([true, true], results);
    }

    [Fact]
    public void The_answer_to_a_reoffer_is_sent_again_until_its_ACK_arrives()
    {
        SipLeg? switchLeg = null;
        _switch.IncomingCall += leg => { switchLeg = leg; leg.Answer(AnswerSdp); };
        var leg = Dial();
        _loop.RunFor(TimeSpan.FromSeconds(1));
        var results = new List<bool>();
        _network.SetLinkOneWay("caller", "switch", new LinkProfile(TimeSpan.FromMilliseconds(1), LossPercent: 100));

        switchLeg!.ReInvite(FirstReoffer, results.Add);
        _loop.RunFor(TimeSpan.FromMilliseconds(300)); // the caller's 2xx is lost
        _network.SetLinkOneWay("caller", "switch", LinkProfile.Lan);
        _loop.RunFor(TimeSpan.FromSeconds(2));

        Assert.Equal(FirstReoffer, leg.RemoteSdp);
        Assert.Equal([true], results);
    }
}
