using System.Net;
using Concierge.Media;
using Concierge.Simulators.Phones.Sip;
using Concierge.Sip.UserAgent;

namespace Concierge.Simulators.Phones.Agents;

/// <summary>
/// One call of a phone or an external caller: its SIP call (the product's user agent), its state, and what the party hears — ringback while
/// ringing out, busy tone after 486, otherwise whatever its negotiated remote RTP address sends.
/// </summary>
public sealed class PartyCall
{
    private readonly IMediaPlane _media;

    private readonly Dictionary<IPEndPoint, byte[]> _offers;
    private ReadOnlyMemory<byte> _parsedSdp;
    private IPEndPoint? _remoteRtp;

    internal PartyCall(SipCall leg, string ownNumber, IPEndPoint rtp, IMediaPlane media, Dictionary<IPEndPoint, byte[]> offers)
    {
        _offers = offers;
        Leg = leg;
        OwnNumber = ownNumber;
        Rtp = rtp;
        _media = media;
        State = leg.IsOutgoing ? PartyCallState.Dialing : PartyCallState.Alerting;
        leg.UserState = this;
    }

    /// <summary>The SIP call.</summary>
    public SipCall Leg { get; }

    /// <summary>The user agent holding the call.</summary>
    public SipUserAgent UserAgent => Leg.Owner;

    /// <summary>The number of the party holding the call.</summary>
    public string OwnNumber { get; }

    /// <summary>This party's RTP address.</summary>
    public IPEndPoint Rtp { get; }

    /// <summary>Where the call stands.</summary>
    public PartyCallState State { get; private set; }

    /// <summary>Final status of a failed outgoing call.</summary>
    public int? FailureStatus { get; private set; }

    /// <summary>The other party's number as signalled (From of incoming, To of outgoing calls).</summary>
    public string? RemoteNumber => Leg.RemoteParty?.Uri.User;

    /// <summary>The other side's RTP address from its last SDP.</summary>
    public IPEndPoint? RemoteRtp
    {
        get
        {
            var sdp = Leg.RemoteSdp;
            if (!sdp.Equals(_parsedSdp))
            {
                _parsedSdp = sdp;
                _remoteRtp = AudioSdp.RtpEndPoint(sdp);
            }
            return _remoteRtp;
        }
    }

    /// <summary>True while ringing, talking or hearing busy.</summary>
    public bool IsActive => State is not (PartyCallState.Ended or PartyCallState.Failed);

    /// <summary>True once the SIP call is over: ended, failed, or busy (busy tone is heard until hang-up, but nothing more happens on the wire).</summary>
    public bool IsOverOnTheWire => !IsActive || State == PartyCallState.Busy;

    /// <summary>What the party hears now.</summary>
    public MediaContent Hears => State switch
    {
        PartyCallState.RingingOut => MediaContent.Ringback,
        PartyCallState.Busy => MediaContent.BusyTone,
        PartyCallState.Connected when RemoteRtp is { } remote => _media.HeardFrom(remote),
        _ => MediaContent.Silence,
    };

    /// <summary>The state changed.</summary>
    public event Action<PartyCall>? StateChanged;

    /// <summary>Answers an alerting incoming call.</summary>
    public void Answer()
    {
        if (State != PartyCallState.Alerting) return;
        UserAgent.Answer(Leg, AudioSdp.For(Rtp, _offers));
    }

    /// <summary>Rejects an alerting incoming call.</summary>
    public void Reject(int status = 486)
    {
        if (State != PartyCallState.Alerting) return;
        UserAgent.Reject(Leg, status);
        Change(PartyCallState.Ended);
    }

    /// <summary>Hangs up (cancel, reject or BYE as the state needs).</summary>
    public void Hangup()
    {
        if (State is PartyCallState.Busy or PartyCallState.Failed)
        {
            Change(PartyCallState.Ended);
            return;
        }
        UserAgent.Hangup(Leg);
        if (State != PartyCallState.Ended) Change(PartyCallState.Ended);
    }

    /// <summary>Routes the user agent's call events to the <see cref="PartyCall"/> in each call's UserState.</summary>
    internal static void Follow(SipUserAgent ua)
    {
        // A party that hung up has ended its call: a ringing or failure response to its INVITE that comes after (the
        // CANCEL waits for a provisional response) does not bring back a ringback or busy tone (swarm seed 35 of the
        // OpenScape 4000 worlds: a caller hung up before the 486 arrived and heard a busy tone for ever).
        ua.CallRinging += (call, _) => { if (Of(call) is { State: not PartyCallState.Ended } party) party.Change(PartyCallState.RingingOut); };
        ua.CallAnswered += call => Of(call)?.OnAnswered();
        ua.CallFailed += (call, status, _) => { if (Of(call) is { State: not PartyCallState.Ended } party) party.OnFailed(status); };
        ua.CallEnded += (call, reason) => { if (reason != SipCallEndReason.Failed) Of(call)?.OnEnded(); };
    }

    private static PartyCall? Of(SipCall call) => call.UserState as PartyCall;

    private void OnAnswered()
    {
        _media.Transmit(Rtp, MediaContent.VoiceOf(OwnNumber));
        Change(PartyCallState.Connected);
    }

    private void OnFailed(int status)
    {
        FailureStatus = status;
        Change(FailureStatus is 486 or 600 ? PartyCallState.Busy : PartyCallState.Failed);
    }

    private void OnEnded()
    {
        _media.Stop(Rtp);
        Change(PartyCallState.Ended);
    }

    private void Change(PartyCallState state)
    {
        if (State == state) return;
        if (state == PartyCallState.Ended) _media.Stop(Rtp);
        State = state;
        StateChanged?.Invoke(this);
    }

    /// <inheritdoc />
    public override string ToString() => $"{OwnNumber}↔{RemoteNumber} {State}";
}
