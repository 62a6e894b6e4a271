using System.Net;
using Concierge.Media;
using Concierge.Runtime.Loop;
using Concierge.Simulators.Phones.Sip;
using Concierge.Sip.Message;
using Concierge.Sip.Transport;
using Concierge.Sip.UserAgent;

namespace Concierge.Simulators.Phones.Agents;

/// <summary>
/// A subscriber's SIP phone: rings, answers (on command, after a delay, or at once for auto-answer CTI calls), rejects,
/// is busy, hangs up and dials through its PBX. Observable: its calls, their states and what it hears.
/// </summary>
public sealed class SimulatedPhone
{
    private const int RtpPortsPerPhone = 8;
    private readonly List<PartyCall> _calls = [];
    private readonly IMediaPlane _media;
    private readonly Dictionary<IPEndPoint, byte[]> _offers = [];
    private readonly IPEndPoint _pbx;
    private readonly int _rtpBasePort;
    private int _nextRtpSlot;

    /// <summary>A phone for <paramref name="number"/> on <paramref name="agent"/>, calling through <paramref name="pbx"/>.</summary>
    public SimulatedPhone(string number, string alias, PhoneSettings settings, SipUserAgent agent, int rtpBasePort, IMediaPlane media, IPEndPoint pbx)
    {
        Number = number;
        Alias = alias;
        Settings = settings;
        Agent = agent;
        _rtpBasePort = rtpBasePort;
        _media = media;
        _pbx = pbx;
        LocalEndPoint = agent.LocalEndPoint();
        agent.IncomingCall += OnIncomingCall;
        PartyCall.Follow(agent);
    }

    /// <summary>The phone's number (E.164 with '+').</summary>
    public string Number { get; }

    /// <summary>Short name used by steps (last four digits).</summary>
    public string Alias { get; }

    /// <summary>Behaviour for incoming calls; may be changed at any time.</summary>
    public PhoneSettings Settings { get; set; }

    /// <summary>The SIP user agent of the phone.</summary>
    public SipUserAgent Agent { get; }

    /// <summary>Where the phone receives SIP.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Every call of this phone, oldest first (ended ones included, up to a bound).</summary>
    public IReadOnlyList<PartyCall> Calls => _calls;

    /// <summary>Calls that are not over.</summary>
    public IEnumerable<PartyCall> ActiveCalls => _calls.Where(c => c.IsActive);

    /// <summary>The call in focus: the latest connected one, then a ringing one, then any other active call.</summary>
    public PartyCall? Current => LastActive(PartyCallState.Connected) ?? FirstActive(PartyCallState.Alerting) ?? LastActive(null);

    /// <summary>True while a call rings here.</summary>
    public bool IsRinging => FirstActive(PartyCallState.Alerting) is not null;

    /// <summary>True while a call is connected.</summary>
    public bool IsConnected => FirstActive(PartyCallState.Connected) is not null;

    /// <summary>True while a call rings here from <paramref name="remoteNumber"/>.</summary>
    public bool IsRingingFrom(string remoteNumber)
    {
        foreach (var call in _calls)
        {
            if (call.State == PartyCallState.Alerting && call.RemoteNumber == remoteNumber) return true;
        }
        return false;
    }

    private PartyCall? FirstActive(PartyCallState? state)
    {
        foreach (var call in _calls)
        {
            if (call.IsActive && (state is null || call.State == state)) return call;
        }
        return null;
    }

    private PartyCall? LastActive(PartyCallState? state)
    {
        for (var i = _calls.Count - 1; i >= 0; i--)
        {
            var call = _calls[i];
            if (call.IsActive && (state is null || call.State == state)) return call;
        }
        return null;
    }

    /// <summary>Incoming calls received (including rejected ones).</summary>
    public int IncomingCallCount { get; private set; }

    /// <summary>What the phone's user hears now.</summary>
    public MediaContent Hears => Current?.Hears ?? MediaContent.Silence;

    /// <summary>A call arrived (after the phone decided to ring or answer it).</summary>
    public event Action<SimulatedPhone, PartyCall>? CallArrived;

    /// <summary>Answers the ringing call.</summary>
    public bool Answer()
    {
        var ringing = FirstActive(PartyCallState.Alerting);
        ringing?.Answer();
        return ringing is not null;
    }

    /// <summary>Rejects the ringing call.</summary>
    public bool Reject(int status = 486)
    {
        var ringing = FirstActive(PartyCallState.Alerting);
        ringing?.Reject(status);
        return ringing is not null;
    }

    /// <summary>Hangs up the call in focus.</summary>
    public bool Hangup()
    {
        var call = Current;
        call?.Hangup();
        return call is not null;
    }

    /// <summary>Dials <paramref name="number"/> through the PBX.</summary>
    public PartyCall Dial(string number)
    {
        var rtp = NextRtp();
        var host = _pbx.Address.ToString();
        var leg = Agent.Invite(SipUri.Sip(number, host, _pbx.Port), new SipInviteOptions
        {
            From = new NameAddress(SipUri.Sip(Number, host)),
            To = new NameAddress(SipUri.Sip(number, host)),
            Sdp = AudioSdp.For(rtp, _offers),
            Destination = SipEndPoint.Udp(_pbx.Address, _pbx.Port),
        });
        return Track(new PartyCall(leg, Number, rtp, _media, _offers));
    }

    private void OnIncomingCall(SipCall leg)
    {
        IncomingCallCount++;
        // CTI-initiated calls (MakeCall, consultation) are the phone's own calls: call waiting does not apply to them.
        var cti = Settings.AutoAnswerCti && IsAutoAnswerRequested(leg.Invite);
        var busy = !cti && !Settings.CallWaiting && FirstActive(null) is not null && !IsKnockOverride(leg.Invite);
        if (Settings.RejectWith is { } status || busy)
        {
            Agent.Reject(leg, busy ? 486 : Settings.RejectWith!.Value);
            return;
        }
        var call = Track(new PartyCall(leg, Number, NextRtp(), _media, _offers));
        Agent.Ring(leg);
        CallArrived?.Invoke(this, call);
        if (cti) call.Answer();
        else if (Settings.AnswerAfter is { } delay) Agent.Stack.Loop.ScheduleAfter(delay, call.Answer);
    }

    /// <summary>True when the INVITE asks the phone to answer by itself (OSV CTI calls: Call-Info answer-after, Alert-Info auto-answer).</summary>
    public static bool IsAutoAnswerRequested(SipRequest? invite)
    {
        if (invite is null) return false;
        var callInfo = invite.Headers.GetFirst("Call-Info") ?? "";
        var alertInfo = invite.Headers.GetFirst("Alert-Info") ?? "";
        return callInfo.Contains("answer-after=0", StringComparison.OrdinalIgnoreCase)
            || alertInfo.Contains("auto-answer", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when the INVITE is a busy override (knocking): a busy phone without call waiting rings anyway.</summary>
    public static bool IsKnockOverride(SipRequest? invite) =>
        invite?.Headers.GetFirst("Alert-Info")?.Contains("knocking-override", StringComparison.OrdinalIgnoreCase) == true;

    private PartyCall Track(PartyCall call)
    {
        _calls.Add(call);
        if (_calls.Count > 64) _calls.RemoveAll(c => !c.IsActive && _calls.Count > 32);
        return call;
    }

    private IPEndPoint NextRtp()
    {
        var port = _rtpBasePort + 2 * (_nextRtpSlot++ % RtpPortsPerPhone);
        return new IPEndPoint(LocalEndPoint.Address, port);
    }

    /// <inheritdoc />
    public override string ToString() => $"phone {Alias} ({Number})";
}
