using Concierge.Sip.Headers;
using Concierge.Sip.Message;
using Concierge.Sip.Transport;

namespace Concierge.Sip.Transactions;

/// <summary>
/// An RFC 3261 §17.1 client transaction: the INVITE machine (Calling, Proceeding, Accepted, Completed; timers A, B,
/// D, M) or the non-INVITE machine (Trying, Proceeding, Completed; timers E, F, K).
/// </summary>
public sealed class SipClientTransaction : SipTransaction
{
    private TimeSpan _retransmitInterval;

    internal SipClientTransaction(SipTransactionLayer layer, string key, SipRequest request, SipEndPoint destination)
        : base(layer, key, request, destination)
    {
        State = IsInvite ? SipTransactionState.Calling : SipTransactionState.Trying;
    }

    /// <summary>The ACK this transaction generated for a non-2xx final response, if any.</summary>
    public SipRequest? Ack { get; private set; }

    internal void Start(DateTimeOffset now)
    {
        Layer.Transmit(Request, Peer, this);
        _retransmitInterval = Timers.T1;
        if (!Peer.IsReliable) Arm(IsInvite ? SipTransactionTimer.A : SipTransactionTimer.E, Timers.T1, now);
        Arm(IsInvite ? SipTransactionTimer.B : SipTransactionTimer.F, Timers.TransactionTimeout, now);
    }

    internal void OnResponse(SipResponse response, SipEndPoint source, DateTimeOffset now)
    {
        if (IsInvite) OnInviteResponse(response, source, now);
        else OnNonInviteResponse(response, source, now);
    }

    private void OnInviteResponse(SipResponse response, SipEndPoint source, DateTimeOffset now)
    {
        switch (State)
        {
            case SipTransactionState.Calling or SipTransactionState.Proceeding:
                LastResponse = response;
                if (response.IsProvisional)
                {
                    State = SipTransactionState.Proceeding;
                    Disarm(SipTransactionTimer.A);
                    Disarm(SipTransactionTimer.B);
                    Arm(SipTransactionTimer.C, Timers.InviteProceedingTimeout, now);
                }
                else if (response.IsSuccess)
                {
                    State = SipTransactionState.Accepted;
                    Disarm(SipTransactionTimer.A);
                    Disarm(SipTransactionTimer.B);
                    Disarm(SipTransactionTimer.C);
                    Arm(SipTransactionTimer.M, Timers.TransactionTimeout, now);
                }
                else
                {
                    State = SipTransactionState.Completed;
                    Disarm(SipTransactionTimer.A);
                    Disarm(SipTransactionTimer.B);
                    Disarm(SipTransactionTimer.C);
                    Ack = BuildAck(response);
                    Layer.Transmit(Ack, Peer, this);
                    Layer.Emit(new SipResponseReceived(response, source, this));
                    LingerOrTerminate(SipTransactionTimer.D, Peer.IsReliable ? TimeSpan.Zero : Timers.TimerDUnreliable, now);
                    return;
                }
                Layer.Emit(new SipResponseReceived(response, source, this));
                break;
            case SipTransactionState.Accepted:
                if (response.IsSuccess) Layer.Emit(new SipResponseReceived(response, source, this));
                else Layer.Counters.ResponsesAbsorbed++;
                break;
            case SipTransactionState.Completed:
                if (!response.IsProvisional && !response.IsSuccess && Ack is not null) Layer.Transmit(Ack, Peer, this);
                Layer.Counters.ResponsesAbsorbed++;
                break;
        }
    }

    private void OnNonInviteResponse(SipResponse response, SipEndPoint source, DateTimeOffset now)
    {
        if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
        {
            Layer.Counters.ResponsesAbsorbed++;
            return;
        }
        LastResponse = response;
        if (response.IsProvisional)
        {
            State = SipTransactionState.Proceeding;
        }
        else
        {
            State = SipTransactionState.Completed;
            Disarm(SipTransactionTimer.E);
            Disarm(SipTransactionTimer.F);
            Layer.Emit(new SipResponseReceived(response, source, this));
            LingerOrTerminate(SipTransactionTimer.K, Peer.IsReliable ? TimeSpan.Zero : Timers.T4, now);
            return;
        }
        Layer.Emit(new SipResponseReceived(response, source, this));
    }

    private protected override void OnTimer(SipTransactionTimer timer, DateTimeOffset now)
    {
        switch (timer)
        {
            case SipTransactionTimer.A when State == SipTransactionState.Calling:
                Layer.Counters.Retransmissions++;
                Layer.Transmit(Request, Peer, this);
                _retransmitInterval += _retransmitInterval;
                Arm(SipTransactionTimer.A, _retransmitInterval, now);
                break;
            case SipTransactionTimer.E when State is SipTransactionState.Trying or SipTransactionState.Proceeding:
                Layer.Counters.Retransmissions++;
                Layer.Transmit(Request, Peer, this);
                _retransmitInterval = State == SipTransactionState.Proceeding
                    ? Timers.T2
                    : TimeSpan.FromTicks(Math.Min(_retransmitInterval.Ticks * 2, Timers.T2.Ticks));
                Arm(SipTransactionTimer.E, _retransmitInterval, now);
                break;
            case SipTransactionTimer.B when State == SipTransactionState.Calling:
            case SipTransactionTimer.C when State == SipTransactionState.Proceeding:
            case SipTransactionTimer.F when State is SipTransactionState.Trying or SipTransactionState.Proceeding:
                Layer.Counters.Timeouts++;
                Terminate();
                Layer.Emit(new SipTransactionFailed(this, SipTransactionFailure.Timeout));
                break;
            case SipTransactionTimer.D or SipTransactionTimer.K or SipTransactionTimer.M:
                Terminate();
                break;
        }
    }

    /// <summary>The ACK for a non-2xx final response (RFC 3261 §17.1.1.3).</summary>
    private SipRequest BuildAck(SipResponse response)
    {
        var ack = new SipRequest(SipMethod.Ack, Request.RequestUri);
        if (Request.TopVia is { } via) ack.PushVia(via);
        ack.MaxForwards = 70;
        if (Request.From is { } from) ack.From = from;
        if ((response.To ?? Request.To) is { } to) ack.To = to;
        if (Request.CallId is { } callId) ack.CallId = callId;
        if (Request.CSeq is { } cseq) ack.CSeq = new SipCSeq(cseq.Number, SipMethod.Ack);
        foreach (var route in Request.Headers.GetAll(SipHeaderNames.Route)) ack.Headers.Add(SipHeaderNames.Route, route);
        return ack;
    }
}
