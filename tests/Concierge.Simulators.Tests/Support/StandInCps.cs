using System.Globalization;
using System.Net;
using Concierge.Media;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Transports.Simulated;
using Concierge.Simulators.Phones.Sip;
using Concierge.Sip.Message;

namespace Concierge.Simulators.Tests.Support;

/// <summary>A minimal CPS SIP endpoint for the tests: registers as CPS1, answers or rejects INVITEs, places calls, joins by REFER.</summary>
internal sealed class StandInCps
{
    public const string Voice = "CPS";
    private readonly IMediaPlane _media;
    private readonly IPEndPoint _osv;
    private int _rtpSlot;

    public StandInCps(SimulatedNetwork network, SimulatedHost host, IPEndPoint osv, IMediaPlane media, DeterministicRandom random)
    {
        _osv = osv;
        _media = media;
        Agent = new SipAgent("cps", network.Loop, host, 5060, random.Split("cps"));
        Agent.IncomingCall += OnIncoming;
    }

    public SipAgent Agent { get; }

    public List<SipLeg> Incoming { get; } = [];

    public int? LastRegisterStatus { get; private set; }

    /// <summary>Status to answer INVITEs with: 200 (default), 503, 302 …</summary>
    public int AnswerWith { get; set; } = 200;

    public string? RedirectTo { get; set; }

    public void Register(TimeSpan interval, string registerId = "CPS1")
    {
        var host = _osv.Address.ToString();
        var aor = new NameAddress(SipUri.Sip(registerId, host));
        var request = SipRequest.Create(SipMethod.Register, SipUri.Sip(null, host, _osv.Port), aor.WithTag(Agent.NewToken(8)), aor,
            Agent.NewToken(12), 1, Agent.NewVia());
        request.Headers.Set("Contact", Agent.ContactFor(registerId).ToString());
        request.Headers.Set("Expires", ((long)interval.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        Agent.Send(request, _osv, response => LastRegisterStatus = response?.StatusCode ?? 408);
    }

    public SipLeg Call(string number, string chargeNumber)
    {
        var rtp = NextRtp();
        var host = _osv.Address.ToString();
        var leg = Agent.Call(SipUri.Sip(number, host, _osv.Port), new NameAddress(SipUri.Sip("CPS1", Agent.LocalEndPoint.Address.ToString())),
            new NameAddress(SipUri.Sip(number, host)), _osv, SimpleSdp.For(rtp), [new("X-Siemens-CDR", "charge=" + chargeNumber)]);
        _media.Transmit(rtp, MediaContent.VoiceOf(Voice));
        return leg;
    }

    /// <summary>Asks the switch to connect the far party of <paramref name="x"/> with the far party of <paramref name="y"/>.</summary>
    public void Join(SipLeg x, SipLeg y, string otherNumber, Action<int>? done = null)
    {
        var replaces = $"{y.CallId};to-tag={y.RemoteTag};from-tag={y.LocalTag}";
        var referTo = $"<sip:{otherNumber}@{_osv.Address}?Replaces={Uri.EscapeDataString(replaces)}>";
        x.Refer(referTo, done);
    }

    private void OnIncoming(SipLeg leg)
    {
        Incoming.Add(leg);
        switch (AnswerWith)
        {
            case 200:
                var rtp = NextRtp();
                _media.Transmit(rtp, MediaContent.VoiceOf(Voice));
                leg.Answer(SimpleSdp.For(rtp));
                break;
            case 302:
                leg.Reject(302, $"<sip:{RedirectTo}@{_osv.Address}>");
                break;
            default:
                leg.Reject(AnswerWith);
                break;
        }
    }

    private IPEndPoint NextRtp() => new(Agent.LocalEndPoint.Address, 40000 + 2 * _rtpSlot++);
}
