using System.Globalization;
using System.Net;
using Concierge.Media;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Transports.Simulated;
using Concierge.Simulators.Phones.Sip;
using Concierge.Sip.Auth;
using Concierge.Sip.Headers;
using Concierge.Sip.Message;
using Concierge.Sip.Transport;
using Concierge.Sip.UserAgent;

namespace Concierge.Simulators.Tests.Support;

/// <summary>A minimal CPS SIP endpoint for the tests: registers as CPS1, answers or rejects INVITEs, places calls, joins by REFER.</summary>
internal sealed class StandInCps
{
    public const string Voice = "CPS";
    private readonly IMediaPlane _media;
    private readonly IPEndPoint _osv;
    private readonly DeterministicRandom _digestRandom;
    private int _rtpSlot;

    public StandInCps(SimulatedNetwork network, SimulatedHost host, IPEndPoint osv, IMediaPlane media, DeterministicRandom random)
    {
        _osv = osv;
        Registrar = osv;
        _media = media;
        _digestRandom = random.Split("cps.digest");
        Agent = SimulatedUserAgent.Create("cps", "CPS1", network.Loop, host, 5060, random.Split("cps"));
        LocalEndPoint = Agent.LocalEndPoint();
        Agent.IncomingCall += OnIncoming;
        Agent.ReferProgress += (call, status) => ReferStatuses.Add((call, status));
    }

    public SipUserAgent Agent { get; }

    public IPEndPoint LocalEndPoint { get; }

    public List<SipCall> Incoming { get; } = [];

    /// <summary>Every REFER progress report: 202 for the REFER, then each NOTIFY's status.</summary>
    public List<(SipCall Call, int Status)> ReferStatuses { get; } = [];

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
        var callId = Agent.Stack.NewCallId();
        var tag = Agent.Stack.NewTag();
        SendRegister(interval, registerId, callId, tag, 1, null);
    }

    private void SendRegister(TimeSpan interval, string registerId, string callId, string tag, uint seq, SipResponse? challenge)
    {
        var registrar = Registrar;
        var host = registrar.Address.ToString();
        var aor = new NameAddress(SipUri.Sip(registerId, host));
        var uri = SipUri.Sip(null, host, registrar.Port);
        var stack = Agent.Stack;
        var request = SipRequest.Create(SipMethod.Register, uri, aor.WithTag(tag), aor, callId, seq,
            stack.Transport.CreateVia(SipTransportProtocol.Udp, stack.NewBranch()));
        request.Headers.Set("Contact", new NameAddress(stack.Transport.ContactUri(registerId, SipTransportProtocol.Udp)).ToString());
        request.Headers.Set("Expires", ((long)interval.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        var digest = new SipDigestClient(new SipCredentials(registerId, Password ?? registerId), _digestRandom);
        if (challenge is not null) digest.TryAuthorize(request, challenge);
        void Done(SipResponse? response)
        {
            LastRegisterStatus = response?.StatusCode ?? 408;
            RegisterStatuses.Add(LastRegisterStatus.Value);
            if (response?.StatusCode == 401 && challenge is null) SendRegister(interval, registerId, callId, tag, seq + 1, response);
        }
        stack.SendRequest(request, SipEndPoint.Udp(registrar.Address, registrar.Port), r => { if (r.IsFinal) Done(r); }, _ => Done(null));
    }

    public SipCall Call(string number, string chargeNumber)
    {
        var rtp = NextRtp();
        var osv = Registrar;
        var host = osv.Address.ToString();
        var leg = Agent.Invite(SipUri.Sip(number, host, osv.Port), new SipInviteOptions
        {
            From = new NameAddress(SipUri.Sip("CPS1", LocalEndPoint.Address.ToString())),
            To = new NameAddress(SipUri.Sip(number, host)),
            Sdp = AudioSdp.For(rtp),
            Headers = [new("X-Siemens-CDR", "charge=" + chargeNumber)],
            Destination = SipEndPoint.Udp(osv.Address, osv.Port),
        });
        _media.Transmit(rtp, MediaContent.VoiceOf(Voice));
        return leg;
    }

    /// <summary>Asks the switch to connect the far party of <paramref name="x"/> with the far party of <paramref name="y"/>.</summary>
    public void Join(SipCall x, SipCall y, string otherNumber) => Agent.Refer(x, SipUri.Sip(otherNumber, _osv.Address.ToString()), replaces: y);

    /// <summary>Blind transfer of <paramref name="x"/>'s far party to <paramref name="number"/>.</summary>
    public void Transfer(SipCall x, string number) => Agent.Refer(x, SipUri.Sip(number, _osv.Address.ToString()));

    private void OnIncoming(SipCall leg)
    {
        Incoming.Add(leg);
        switch (AnswerWith)
        {
            case 200:
                var rtp = NextRtp();
                _media.Transmit(rtp, MediaContent.VoiceOf(Voice));
                Agent.Answer(leg, AudioSdp.For(rtp));
                break;
            case 302:
                Agent.Reject(leg, 302, headers: [new(SipHeaderNames.Contact, $"<sip:{RedirectTo}@{_osv.Address}>")]);
                break;
            default:
                Agent.Reject(leg, AnswerWith);
                break;
        }
    }

    private IPEndPoint NextRtp() => new(LocalEndPoint.Address, 40000 + 2 * _rtpSlot++);
}
