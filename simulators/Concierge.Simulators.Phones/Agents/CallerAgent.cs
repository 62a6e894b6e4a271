using System.Net;
using Concierge.Media;
using Concierge.Runtime.Loop;
using Concierge.Simulators.Phones.Sip;
using Concierge.Sip.Message;

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
    private readonly IPEndPoint _gateway;
    private readonly int _rtpBasePort;
    private int _rtpSlot;

    /// <summary>Callers on <paramref name="agent"/> calling the PBX gateway at <paramref name="gateway"/>.</summary>
    public CallerAgent(SipAgent agent, IPEndPoint gateway, IMediaPlane media, int rtpBasePort = 30000)
    {
        Agent = agent;
        _gateway = gateway;
        _media = media;
        _rtpBasePort = rtpBasePort;
        agent.IncomingCall += OnIncomingCall;
    }

    /// <summary>The SIP agent of the public network.</summary>
    public SipAgent Agent { get; }

    /// <summary>External parties answer calls from the PBX after this delay; null lets them ring.</summary>
    public TimeSpan? ExternalAnswerAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Calls the PBX made to the public network, oldest first.</summary>
    public IReadOnlyList<PartyCall> IncomingCalls => _incoming;

    /// <summary>Calls placed so far, by caller name.</summary>
    public IReadOnlyDictionary<string, PartyCall> Calls => _byName;

    /// <summary>The call of caller <paramref name="name"/>.</summary>
    public PartyCall? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Caller <paramref name="name"/> with number <paramref name="from"/> dials <paramref name="to"/> (a name replaces its earlier call).</summary>
    public PartyCall Dial(string name, string from, string to)
    {
        var rtp = new IPEndPoint(Agent.LocalEndPoint.Address, _rtpBasePort + 2 * (_rtpSlot++ % 10_000));
        var host = _gateway.Address.ToString();
        var leg = Agent.Call(SipUri.Sip(to, host, _gateway.Port), new NameAddress(SipUri.Sip(from, Agent.LocalEndPoint.Address.ToString()), name),
            new NameAddress(SipUri.Sip(to, host)), _gateway, SimpleSdp.For(rtp));
        var call = new PartyCall(leg, from, rtp, _media);
        _byName[name] = call;
        return call;
    }

    private void OnIncomingCall(SipLeg leg)
    {
        var rtp = new IPEndPoint(Agent.LocalEndPoint.Address, _rtpBasePort + 2 * (_rtpSlot++ % 10_000));
        var call = new PartyCall(leg, leg.InitialRequest?.RequestUri.User ?? "external", rtp, _media);
        _incoming.Add(call);
        if (_incoming.Count > 256) _incoming.RemoveAll(c => !c.IsActive && _incoming.Count > 128);
        leg.Ring();
        if (ExternalAnswerAfter is { } delay) Agent.Loop.ScheduleAfter(delay, call.Answer);
    }
}
