using System.Net;
using Concierge.Media;
using Concierge.Simulators.Phones.Sip;

namespace Concierge.Simulators.Phones.Agents;

/// <summary>
/// One call of a phone or an external caller: its SIP leg, its state, and what the party hears — ringback while
/// ringing out, busy tone after 486, otherwise whatever its negotiated remote RTP address sends.
/// </summary>
public sealed class PartyCall
{
    private readonly IMediaPlane _media;

    internal PartyCall(SipLeg leg, string ownNumber, IPEndPoint rtp, IMediaPlane media)
    {
        Leg = leg;
        OwnNumber = ownNumber;
        Rtp = rtp;
        _media = media;
        State = leg.IsOutgoing ? PartyCallState.Dialing : PartyCallState.Alerting;
        leg.Owner = this;
        leg.Ringing += _ => Change(PartyCallState.RingingOut);
        leg.Answered += _ => OnAnswered();
        leg.Failed += (_, response) =>
        {
            FailureStatus = response?.StatusCode ?? 408;
            Change(FailureStatus is 486 or 600 ? PartyCallState.Busy : PartyCallState.Failed);
        };
        leg.Ended += _ => OnEnded();
    }

    /// <summary>The SIP leg.</summary>
    public SipLeg Leg { get; }

    /// <summary>The number of the party holding the call.</summary>
    public string OwnNumber { get; }

    /// <summary>This party's RTP address.</summary>
    public IPEndPoint Rtp { get; }

    /// <summary>Where the call stands.</summary>
    public PartyCallState State { get; private set; }

    /// <summary>Final status of a failed outgoing call.</summary>
    public int? FailureStatus { get; private set; }

    /// <summary>The other party's number as signalled (From of incoming, To of outgoing calls).</summary>
    public string? RemoteNumber => Leg.RemoteParty.Uri.User;

    /// <summary>True while ringing, talking or hearing busy.</summary>
    public bool IsActive => State is not (PartyCallState.Ended or PartyCallState.Failed);

    /// <summary>What the party hears now.</summary>
    public MediaContent Hears => State switch
    {
        PartyCallState.RingingOut => MediaContent.Ringback,
        PartyCallState.Busy => MediaContent.BusyTone,
        PartyCallState.Connected when Leg.RemoteRtp is { } remote => _media.HeardFrom(remote),
        _ => MediaContent.Silence,
    };

    /// <summary>The state changed.</summary>
    public event Action<PartyCall>? StateChanged;

    /// <summary>Answers an alerting incoming call.</summary>
    public void Answer()
    {
        if (State != PartyCallState.Alerting) return;
        Leg.Answer(SimpleSdp.For(Rtp));
    }

    /// <summary>Rejects an alerting incoming call.</summary>
    public void Reject(int status = 486)
    {
        if (State != PartyCallState.Alerting) return;
        Leg.Reject(status);
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
        Leg.Hangup();
        if (State != PartyCallState.Ended) Change(PartyCallState.Ended);
    }

    private void OnAnswered()
    {
        _media.Transmit(Rtp, MediaContent.VoiceOf(OwnNumber));
        Change(PartyCallState.Connected);
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
