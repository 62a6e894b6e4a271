using System.Globalization;
using System.Net;
using Concierge.Media;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Transports.Simulated;
using Concierge.Simulators.Osv.Registration;
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
        Registrar = osv;
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

    /// <summary>Password used to answer digest challenges (the OSV simulator expects the Register Id).</summary>
    public string? Password { get; set; }

    public List<int> RegisterStatuses { get; } = [];

    /// <summary>Where REGISTERs and calls go; the OSV's SIP end point unless changed (geo-separated nodes).</summary>
    public IPEndPoint Registrar { get; set; }

    public void Register(TimeSpan interval, string registerId = "CPS1")
    {
        var callId = Agent.NewToken(12);
        var tag = Agent.NewToken(8);
        SendRegister(interval, registerId, callId, tag, 1, null);
    }

    private void SendRegister(TimeSpan interval, string registerId, string callId, string tag, uint seq, string? authorization)
    {
        var registrar = Registrar;
        var host = registrar.Address.ToString();
        var aor = new NameAddress(SipUri.Sip(registerId, host));
        var uri = SipUri.Sip(null, host, registrar.Port);
        var request = SipRequest.Create(SipMethod.Register, uri, aor.WithTag(tag), aor, callId, seq, Agent.NewVia());
        request.Headers.Set("Contact", Agent.ContactFor(registerId).ToString());
        request.Headers.Set("Expires", ((long)interval.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        if (authorization is not null) request.Headers.Set("Authorization", authorization);
        Agent.Send(request, registrar, response =>
        {
            LastRegisterStatus = response?.StatusCode ?? 408;
            RegisterStatuses.Add(LastRegisterStatus.Value);
            if (response?.StatusCode == 401 && authorization is null
                && DigestChallenge.Nonce(response.Headers.GetFirst("WWW-Authenticate")) is { } nonce)
            {
                SendRegister(interval, registerId, callId, tag, seq + 1,
                    DigestChallenge.Authorization(registerId, Password ?? registerId, nonce, SipMethod.Register, uri.ToString()));
            }
        });
    }

    public SipLeg Call(string number, string chargeNumber)
    {
        var rtp = NextRtp();
        var osv = Registrar;
        var host = osv.Address.ToString();
        var leg = Agent.Call(SipUri.Sip(number, host, osv.Port), new NameAddress(SipUri.Sip("CPS1", Agent.LocalEndPoint.Address.ToString())),
            new NameAddress(SipUri.Sip(number, host)), osv, SimpleSdp.For(rtp), [new("X-Siemens-CDR", "charge=" + chargeNumber)]);
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
