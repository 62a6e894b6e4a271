using System.Net;
using Concierge.Media;
using Concierge.Runtime.Loop;
using Concierge.Simulators.Phones.Sip;
using Concierge.Sip.Message;
using Concierge.Sip.Transport;
using Concierge.Sip.UserAgent;

namespace Concierge.Simulators.Phones.Agents;

/// <summary>
/// The public network side of a PBX's gateway: many external callers on one host calling into the PBX, and the
/// external parties the PBX calls out to (they answer after <see cref="ExternalAnswerAfter"/>).
/// </summary>
public sealed class CallerAgent
{
    private readonly Dictionary<string, PartyCall> _byName = new(StringComparer.Ordinal);
    private readonly List<PartyCall> _incoming = [];
    private readonly IMediaPlane _media;
    private readonly Dictionary<IPEndPoint, byte[]> _offers = [];
    private readonly IPEndPoint _gateway;
    private readonly int _rtpBasePort;
    private int _rtpSlot;

    /// <summary>Callers on <paramref name="agent"/> calling the PBX gateway at <paramref name="gateway"/>.</summary>
    public CallerAgent(SipUserAgent agent, IPEndPoint gateway, IMediaPlane media, int rtpBasePort = 30000)
    {
        Agent = agent;
        _gateway = gateway;
        _media = media;
        _rtpBasePort = rtpBasePort;
        LocalEndPoint = agent.LocalEndPoint();
        agent.IncomingCall += OnIncomingCall;
        PartyCall.Follow(agent);
    }

    /// <summary>The SIP user agent of the public network.</summary>
    public SipUserAgent Agent { get; }

    /// <summary>Where the public network receives SIP.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>External parties answer calls from the PBX after this delay; null lets them ring.</summary>
    public TimeSpan? ExternalAnswerAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Calls the PBX made to the public network, oldest first.</summary>
    public IReadOnlyList<PartyCall> IncomingCalls => _incoming;

    /// <summary>Calls placed so far, by caller name.</summary>
    public IReadOnlyDictionary<string, PartyCall> Calls => _byName;

    /// <summary>The call of caller <paramref name="name"/>.</summary>
    public PartyCall? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Lets go of caller <paramref name="name"/>'s call once it has ended or got busy (false while it is in progress).</summary>
    public bool Forget(string name) =>
        _byName.TryGetValue(name, out var call) && call.IsOverOnTheWire && _byName.Remove(name);

    /// <summary>Caller <paramref name="name"/> with number <paramref name="from"/> dials <paramref name="to"/> (a name replaces its earlier call).</summary>
    public PartyCall Dial(string name, string from, string to) => Dial(name, from, to, presentationRestricted: false);

    /// <summary>Dials as <see cref="Dial(string, string, string)"/>; with <paramref name="presentationRestricted"/> the caller withholds its number (Privacy: id, CLIR).</summary>
    public PartyCall Dial(string name, string from, string to, bool presentationRestricted)
    {
        var rtp = new IPEndPoint(LocalEndPoint.Address, _rtpBasePort + 2 * (_rtpSlot++ % 10_000));
        var host = _gateway.Address.ToString();
        var leg = Agent.Invite(SipUri.Sip(to, host, _gateway.Port), new SipInviteOptions
        {
            From = new NameAddress(SipUri.Sip(from, LocalEndPoint.Address.ToString()), name),
            To = new NameAddress(SipUri.Sip(to, host)),
            Sdp = AudioSdp.For(rtp, _offers),
            Destination = SipEndPoint.Udp(_gateway.Address, _gateway.Port),
            Headers = presentationRestricted ? [new("Privacy", "id")] : [],
        });
        var call = new PartyCall(leg, from, rtp, _media, _offers);
        _byName[name] = call;
        return call;
    }

    private void OnIncomingCall(SipCall leg)
    {
        var rtp = new IPEndPoint(LocalEndPoint.Address, _rtpBasePort + 2 * (_rtpSlot++ % 10_000));
        var call = new PartyCall(leg, leg.Invite.RequestUri.User ?? "external", rtp, _media, _offers);
        _incoming.Add(call);
        if (_incoming.Count > 256) _incoming.RemoveAll(c => !c.IsActive && _incoming.Count > 128);
        Agent.Ring(leg);
        if (ExternalAnswerAfter is { } delay) Agent.Stack.Loop.ScheduleAfter(delay, call.Answer);
    }
}
