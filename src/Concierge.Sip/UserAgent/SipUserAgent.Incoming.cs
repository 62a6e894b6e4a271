using Concierge.Runtime.Loop;
using Concierge.Sip.Dialogs;
using Concierge.Sip.Headers;
using Concierge.Sip.Message;
using Concierge.Sip.Transactions;

namespace Concierge.Sip.UserAgent;

/// <summary>The UAS side of calls: new INVITEs, Replaces, ringing, answering with 2xx retransmission, rejecting, CANCEL, ACK.</summary>
public sealed partial class SipUserAgent
{
    /// <summary>Sends a provisional response (180 Ringing by default, 183 with early media SDP) for an incoming call.</summary>
    public void Ring(SipCall call, int status = 180, ReadOnlyMemory<byte> earlySdp = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.IsOutgoing || call.ServerTransaction is not { CanRespond: true } transaction || status is < 101 or > 199) return;
        var response = CreateDialogResponse(call, status);
        SetBody(response, earlySdp);
        if (!earlySdp.IsEmpty) call.LocalSdp = earlySdp;
        call.State = SipCallState.Ringing;
        _stack.SendResponse(transaction, response);
    }

    /// <summary>Answers an incoming call with 200 and <paramref name="sdp"/>; the 2xx is retransmitted until the ACK arrives.</summary>
    public void Answer(SipCall call, ReadOnlyMemory<byte> sdp, IReadOnlyList<KeyValuePair<string, string>>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.IsOutgoing || call.ServerTransaction is not { CanRespond: true } transaction) return;
        var response = CreateDialogResponse(call, 200);
        AddSessionTimerToAnswer(call, response);
        foreach (var (name, value) in headers ?? []) response.Headers.Add(name, value);
        SetBody(response, sdp);
        call.LocalSdp = sdp;
        call.FinalStatus = 200;
        call.State = SipCallState.Answering;
        call.Dialog?.Confirm();
        _stack.SendResponse(transaction, response);
        RetransmitSuccessUntilAck(call, response, transaction.ResponseDestination, initial: true);
    }

    /// <summary>Rejects an incoming call with <paramref name="status"/> (3xx–6xx) and ends it.</summary>
    public void Reject(SipCall call, int status = 486, string? reason = null, IReadOnlyList<KeyValuePair<string, string>>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.IsOutgoing || call.ServerTransaction is not { CanRespond: true } transaction || status < 300) return;
        var response = CreateDialogResponse(call, status, reason);
        foreach (var (name, value) in headers ?? []) response.Headers.Add(name, value);
        call.FinalStatus = status;
        _stack.SendResponse(transaction, response);
        EndCall(call, SipCallEndReason.Rejected);
    }

    private void OnNewInvite(SipRequestReceived received)
    {
        if (received.Transaction is not { } transaction) return;
        var invite = received.Request;
        if (RejectForSessionTimer(invite, transaction)) return;
        SipCall? replaced = null;
        if (invite.Headers.GetFirst(SipHeaderNames.Replaces) is { } replacesText)
        {
            SipReplaces.TryParse(replacesText, out var replaces);
            var target = replaces is null ? null : FindCall(replaces.ReceiverDialogId());
            if (replaces is null || target is null || target.IsEnded)
            {
                _stack.SendResponse(transaction, SipResponse.CreateFor(invite, 481));
                return;
            }
            if (replaces.EarlyOnly && target.State == SipCallState.Established)
            {
                _stack.SendResponse(transaction, SipResponse.CreateFor(invite, 486));
                return;
            }
            replaced = target;
        }
        var call = new SipCall(this, isOutgoing: false, invite, _stack.NewTag())
        {
            ServerTransaction = transaction,
            RemoteSdp = invite.Body,
            Replaces = replaced,
            Destination = transaction.ResponseDestination,
        };
        transaction.UserState = call;
        if (SipDialog.FromUasRequest(invite, call.LocalTag, confirmed: false) is { } dialog) RegisterDialog(call, dialog);
        _calls.Add(call);
        IncomingCall?.Invoke(call);
        if (Options.AutoRing && call.State == SipCallState.Calling) Ring(call);
    }

    private SipResponse CreateDialogResponse(SipCall call, int status, string? reason = null)
    {
        var request = call.Invite;
        var response = SipResponse.CreateFor(request, status, reason);
        if (request.To is { } to) response.To = to.WithTag(call.LocalTag);
        response.Headers.CopyAllFrom(request.Headers, SipHeaderNames.RecordRoute);
        if (status < 300) response.Headers.Add(SipHeaderNames.Contact, ContactFor(call.ServerTransaction?.Peer.Protocol ?? Options.DefaultProtocol).ToString());
        if (status is >= 200 and < 300) WithCapabilities(response);
        response.Headers.Add(SipHeaderNames.Server, Options.Product);
        return response;
    }

    /// <summary>RFC 3261 §13.3.1.4: the UAS core sends the 2xx again at T1, 2·T1 … T2 until the ACK, and gives up with BYE after 64·T1.</summary>
    private void RetransmitSuccessUntilAck(SipCall call, SipResponse response, Transport.SipEndPoint destination, bool initial)
    {
        call.SuccessRetransmitTimer?.Dispose();
        call.PendingSuccess = response;
        var interval = Timers.T1;
        var deadline = _stack.Now + Timers.TransactionTimeout;
        void Tick()
        {
            if (call.IsEnded || !ReferenceEquals(call.PendingSuccess, response)) return;
            var left = deadline - _stack.Now;
            if (left <= TimeSpan.Zero)
            {
                call.PendingSuccess = null;
                Bye(call, initial ? SipCallEndReason.AckTimeout : SipCallEndReason.DialogLost);
                return;
            }
            _stack.SendStateless(response, destination);
            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, Timers.T2.Ticks));
            call.SuccessRetransmitTimer = Loop.ScheduleAfter(interval < left ? interval : left, Tick);
        }
        call.SuccessRetransmitTimer = Loop.ScheduleAfter(interval, Tick);
    }

    private void OnAck(SipRequest ack)
    {
        if (FindCall(ack) is not { } call) return;
        if (call.PendingSuccess is { } pending && pending.CSeq?.Number == ack.CSeq?.Number)
        {
            call.PendingSuccess = null;
            call.SuccessRetransmitTimer?.Dispose();
            call.SuccessRetransmitTimer = null;
        }
        if (!ack.Body.IsEmpty) call.RemoteSdp = ack.Body;
        if (call.State == SipCallState.Answering && ack.CSeq?.Number == call.Invite.CSeq?.Number)
        {
            call.State = SipCallState.Established;
            StartSessionTimer(call);
            CallAnswered?.Invoke(call);
        }
        SendQueuedOffer(call);
    }

    private void OnCancel(SipRequestReceived received)
    {
        if (received.Transaction is not { } cancelTransaction) return;
        var inviteTransaction = _stack.Transactions.FindInviteTransaction(received.Request);
        if (inviteTransaction is null)
        {
            _stack.SendResponse(cancelTransaction, SipResponse.CreateFor(received.Request, 481));
            return;
        }
        _stack.SendResponse(cancelTransaction, SipResponse.CreateFor(received.Request, 200));
        if (inviteTransaction.UserState is SipCall call && inviteTransaction.CanRespond && !call.IsEnded)
        {
            var terminated = CreateDialogResponse(call, 487);
            call.FinalStatus = 487;
            call.EndingRequest = received.Request;
            _stack.SendResponse(inviteTransaction, terminated);
            EndCall(call, SipCallEndReason.RemoteCancel);
        }
    }
}
