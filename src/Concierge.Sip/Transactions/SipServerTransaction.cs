using Concierge.Sip.Message;
using Concierge.Sip.Transport;

namespace Concierge.Sip.Transactions;

/// <summary>
/// An RFC 3261 §17.2 server transaction: the INVITE machine (Proceeding, Accepted, Completed, Confirmed; timers G,
/// H, I, L) or the non-INVITE machine (Trying, Proceeding, Completed; timer J). Retransmitted requests are absorbed
/// or answered with the last response.
/// </summary>
public sealed class SipServerTransaction : SipTransaction
{
    private TimeSpan _retransmitInterval;

    internal SipServerTransaction(SipTransactionLayer layer, string key, SipRequest request, SipEndPoint source)
        : base(layer, key, request, source)
    {
        State = IsInvite ? SipTransactionState.Proceeding : SipTransactionState.Trying;
        ResponseDestination = request.TopVia is { } via ? SipResponseRouting.Destination(via, source) : source;
    }

    /// <summary>Where responses go (RFC 3261 §18.2.2 with RFC 3581).</summary>
    public SipEndPoint ResponseDestination { get; }

    /// <summary>True until a final response was sent.</summary>
    public bool CanRespond => State is SipTransactionState.Trying or SipTransactionState.Proceeding;

    internal void Start(DateTimeOffset now)
    {
        if (IsInvite && Timers.SendTryingImmediately) Respond(SipResponse.CreateFor(Request, 100), now);
    }

    internal void OnRetransmittedRequest(SipRequest request)
    {
        Layer.Counters.RequestsAbsorbed++;
        if (State == SipTransactionState.Accepted) return;
        if (State is SipTransactionState.Proceeding or SipTransactionState.Completed && LastResponse is not null)
        {
            Layer.Transmit(LastResponse, ResponseDestination, this);
        }
    }

    /// <summary>An ACK matched this INVITE transaction; returns true when it was absorbed (non-2xx case).</summary>
    internal bool OnAck(DateTimeOffset now)
    {
        if (State == SipTransactionState.Completed)
        {
            State = SipTransactionState.Confirmed;
            Disarm(SipTransactionTimer.G);
            Disarm(SipTransactionTimer.H);
            LingerOrTerminate(SipTransactionTimer.I, Peer.IsReliable ? TimeSpan.Zero : Timers.T4, now);
            return true;
        }
        if (State == SipTransactionState.Confirmed)
        {
            Layer.Counters.RequestsAbsorbed++;
            return true;
        }
        return false;
    }

    internal void Respond(SipResponse response, DateTimeOffset now)
    {
        if (!CanRespond)
        {
            Layer.Counters.LateResponsesDropped++;
            return;
        }
        LastResponse = response;
        Layer.Transmit(response, ResponseDestination, this);
        if (response.IsProvisional)
        {
            State = SipTransactionState.Proceeding;
            return;
        }
        if (!IsInvite)
        {
            State = SipTransactionState.Completed;
            LingerOrTerminate(SipTransactionTimer.J, Peer.IsReliable ? TimeSpan.Zero : Timers.TransactionTimeout, now);
            return;
        }
        if (response.IsSuccess)
        {
            State = SipTransactionState.Accepted;
            Arm(SipTransactionTimer.L, Timers.TransactionTimeout, now);
            return;
        }
        State = SipTransactionState.Completed;
        _retransmitInterval = Timers.T1;
        if (!Peer.IsReliable) Arm(SipTransactionTimer.G, Timers.T1, now);
        Arm(SipTransactionTimer.H, Timers.TransactionTimeout, now);
    }

    private protected override void OnTimer(SipTransactionTimer timer, DateTimeOffset now)
    {
        switch (timer)
        {
            case SipTransactionTimer.G when State == SipTransactionState.Completed && LastResponse is not null:
                Layer.Counters.Retransmissions++;
                Layer.Transmit(LastResponse, ResponseDestination, this);
                _retransmitInterval = TimeSpan.FromTicks(Math.Min(_retransmitInterval.Ticks * 2, Timers.T2.Ticks));
                Arm(SipTransactionTimer.G, _retransmitInterval, now);
                break;
            case SipTransactionTimer.H when State == SipTransactionState.Completed:
                Layer.Counters.Timeouts++;
                Terminate();
                Layer.Emit(new SipTransactionFailed(this, SipTransactionFailure.Timeout));
                break;
            case SipTransactionTimer.I or SipTransactionTimer.J or SipTransactionTimer.L:
                Terminate();
                break;
        }
    }
}
