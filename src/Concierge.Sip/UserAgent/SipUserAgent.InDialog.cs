using Concierge.Runtime.Loop;
using Concierge.Sip.Headers;
using Concierge.Sip.Message;
using Concierge.Sip.Transactions;

namespace Concierge.Sip.UserAgent;

/// <summary>Requests inside a dialog: BYE, re-INVITE and UPDATE (hold, resume, session refresh), INFO, and the peer's ones.</summary>
public sealed partial class SipUserAgent
{
    /// <summary>Ends an established call with BYE (the call ends at once; the BYE's answer does not matter).</summary>
    public void Bye(SipCall call) => Bye(call, SipCallEndReason.LocalBye);

    /// <summary>Ends an established call with a BYE carrying extra headers (e.g. Reason, X-Siemens-CDR).</summary>
    public void Bye(SipCall call, IReadOnlyList<KeyValuePair<string, string>> headers) => Bye(call, SipCallEndReason.LocalBye, headers);

    /// <summary>Puts the call on hold: a re-INVITE (or UPDATE) offering our SDP as sendonly (RFC 3264 §8.4).</summary>
    public bool Hold(SipCall call, bool useUpdate = false)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.IsHeldLocally) return false;
        call.IsHeldLocally = true;
        var offered = SdpDirection.Of(call.LocalSdp) == SdpDirection.RecvOnly || call.IsHeldRemotely ? SdpDirection.Inactive : SdpDirection.SendOnly;
        return Reoffer(call, SdpDirection.With(call.LocalSdp, offered), useUpdate);
    }

    /// <summary>Takes the call off hold: a re-INVITE (or UPDATE) offering sendrecv.</summary>
    public bool Resume(SipCall call, bool useUpdate = false)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!call.IsHeldLocally) return false;
        call.IsHeldLocally = false;
        return Reoffer(call, SdpDirection.With(call.LocalSdp, SdpDirection.SendRecv), useUpdate);
    }

    /// <summary>
    /// Sends a new offer in the dialog by re-INVITE (or UPDATE, RFC 3311). False when the call is not established
    /// or another offer is outstanding. The result comes as ReofferCompleted; 491 is retried once after 2.1–4 s.
    /// </summary>
    public bool Reoffer(SipCall call, ReadOnlyMemory<byte> sdp, bool useUpdate = false)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (Options.QueueReoffers && IsDialogBusy(call))
        {
            call.QueuedOffer = sdp;
            call.QueuedOfferUsesUpdate = useUpdate;
            return true;
        }
        if (call.State != SipCallState.Established || call.ReinviteInProgress || DialogHop(call) is not { } destination) return false;
        call.ReinviteInProgress = true;
        var previousSdp = call.LocalSdp;
        call.LocalSdp = sdp;
        var request = call.Dialog!.CreateRequest(useUpdate ? SipMethod.Update : SipMethod.Invite, NewVia(destination));
        request.Headers.Add(SipHeaderNames.Contact, ContactFor(destination.Protocol).ToString());
        AddSessionTimerToRefresh(call, request);
        SetBody(request, sdp);
        _stack.SendRequest(request, destination, response => OnReofferResponse(call, request, response, previousSdp, sdp, useUpdate, retried: false),
            failure => OnReofferFailure(call, previousSdp));
        return true;
    }

    /// <summary>True while an offer of ours is outstanding or a 2xx of ours awaits its ACK (an answered call not yet confirmed included).</summary>
    private static bool IsDialogBusy(SipCall call) =>
        call.State == SipCallState.Answering || call.State == SipCallState.Established && (call.ReinviteInProgress || call.PendingSuccess is not null);

    /// <summary>With <see cref="SipUserAgentOptions.QueueReoffers"/>: sends the offer that waited for the dialog to be free.</summary>
    private void SendQueuedOffer(SipCall call)
    {
        if (call.QueuedOffer is not { } sdp || IsDialogBusy(call)) return;
        call.QueuedOffer = null;
        if (call.State == SipCallState.Established) Reoffer(call, sdp, call.QueuedOfferUsesUpdate);
    }

    /// <summary>Sends INFO with a body (e.g. application/dtmf-relay) in the call.</summary>
    public bool SendInfo(SipCall call, SipMediaType contentType, ReadOnlyMemory<byte> body)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.State != SipCallState.Established || DialogHop(call) is not { } destination) return false;
        var info = call.Dialog!.CreateRequest(SipMethod.Info, NewVia(destination));
        info.SetBody(contentType, body);
        SendInDialog(call, info, destination);
        return true;
    }

    /// <summary>
    /// Sends BYE and tells <paramref name="settled"/> once the peer has answered it (true: a final response) or the
    /// transaction failed (false: timeout or transport error), so a caller can wait until the peer has let go.
    /// </summary>
    public void Bye(SipCall call, Action<bool> settled)
    {
        ArgumentNullException.ThrowIfNull(settled);
        Bye(call, SipCallEndReason.LocalBye, null, settled);
    }

    private void Bye(SipCall call, SipCallEndReason reason, IReadOnlyList<KeyValuePair<string, string>>? headers = null, Action<bool>? settled = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.IsEnded) return;
        if (call.Dialog is { } dialog && DialogHop(call) is { } destination)
        {
            var bye = dialog.CreateRequest(SipMethod.Bye, NewVia(destination));
            bye.Headers.Add(SipHeaderNames.UserAgent, Options.Product);
            foreach (var (name, value) in headers ?? []) bye.Headers.Add(name, value);
            if (settled is null) _stack.SendRequest(bye, destination, null);
            else _stack.SendRequest(bye, destination, response => { if (response.StatusCode >= 200) settled(true); }, _ => settled(false));
        }
        else settled?.Invoke(false);
        EndCall(call, reason);
    }

    /// <summary>Sends an in-dialog request whose 408/481 or failure means the dialog is gone.</summary>
    private void SendInDialog(SipCall call, SipRequest request, Transport.SipEndPoint destination, Action<SipResponse>? onFinal = null, Action? onTimeout = null)
    {
        _stack.SendRequest(request, destination,
            response =>
            {
                if (response.IsProvisional) return;
                if (response.StatusCode is 408 or 481) Bye(call, SipCallEndReason.DialogLost);
                onFinal?.Invoke(response);
            },
            _ =>
            {
                Bye(call, SipCallEndReason.DialogLost);
                onTimeout?.Invoke();
            });
    }

    private void OnReofferResponse(SipCall call, SipRequest request, SipResponse response, ReadOnlyMemory<byte> previousSdp, ReadOnlyMemory<byte> sdp, bool useUpdate, bool retried)
    {
        if (response.IsProvisional || call.IsEnded) return;
        var isInvite = request.Method == SipMethod.Invite;
        if (response.IsSuccess)
        {
            if (isInvite && call.ReinviteAck?.CSeq?.Number == response.CSeq?.Number)
            {
                ResendAck(call, response);
                return;
            }
            call.Dialog!.RefreshTarget(response);
            if (isInvite) SendAck(call, response);
            if (!response.Body.IsEmpty) call.RemoteSdp = response.Body;
            call.ReinviteInProgress = false;
            OnSessionRefreshed(call, response);
            ReofferCompleted?.Invoke(call, response.StatusCode);
            SendQueuedOffer(call);
            return;
        }
        call.ReinviteInProgress = false;
        if (response.StatusCode == 491 && !retried)
        {
            call.LocalSdp = previousSdp;
            var delay = TimeSpan.FromMilliseconds(2100 + _stack.NextRandom(1900));
            Loop.ScheduleAfter(delay, () =>
            {
                if (call.IsEnded || call.ReinviteInProgress) return;
                // A newer offer that waited meanwhile replaces the one refused.
                var next = call.QueuedOffer ?? sdp;
                call.QueuedOffer = null;
                Reoffer(call, next, useUpdate);
            });
            return;
        }
        call.LocalSdp = previousSdp;
        if (response.StatusCode is 408 or 481)
        {
            Bye(call, SipCallEndReason.DialogLost);
            return;
        }
        ReofferCompleted?.Invoke(call, response.StatusCode);
        SendQueuedOffer(call);
    }

    private void OnReofferFailure(SipCall call, ReadOnlyMemory<byte> previousSdp)
    {
        call.ReinviteInProgress = false;
        call.LocalSdp = previousSdp;
        Bye(call, SipCallEndReason.DialogLost);
    }

    private void OnInDialogRequest(SipRequestReceived received, SipServerTransaction transaction)
    {
        var request = received.Request;
        if (FindCall(request) is not { } call || call.Dialog is not { } dialog)
        {
            _stack.SendResponse(transaction, SipResponse.CreateFor(request, 481));
            return;
        }
        if (!dialog.AcceptRemoteSequence(request))
        {
            _stack.SendResponse(transaction, SipResponse.CreateFor(request, 500, "CSeq Out of Order"));
            return;
        }
        switch (request.Method)
        {
            case SipMethod.Bye:
                _stack.SendResponse(transaction, SipResponse.CreateFor(request, 200));
                if (call.ServerTransaction is { CanRespond: true } pending) _stack.SendResponse(pending, CreateDialogResponse(call, 487));
                call.EndingRequest = request;
                EndCall(call, SipCallEndReason.RemoteBye);
                break;
            case SipMethod.Invite or SipMethod.Update:
                OnRemoteOffer(call, request, transaction);
                break;
            case SipMethod.Info:
                _stack.SendResponse(transaction, SipResponse.CreateFor(request, 200));
                InfoReceived?.Invoke(call, request);
                break;
            case SipMethod.Refer:
                OnRefer(call, request, transaction);
                break;
            case SipMethod.Notify:
                OnNotify(call, request, transaction);
                break;
            case SipMethod.Options:
                _stack.SendResponse(transaction, WithCapabilities(SipResponse.CreateFor(request, 200)));
                break;
            default:
                var refused = SipResponse.CreateFor(request, 405);
                refused.Headers.Add(SipHeaderNames.Allow, _allow);
                _stack.SendResponse(transaction, refused);
                break;
        }
    }

    private void OnRemoteOffer(SipCall call, SipRequest request, SipServerTransaction transaction)
    {
        var isInvite = request.Method == SipMethod.Invite;
        if (isInvite && call.State == SipCallState.Established && call.PendingSuccess is { CSeq: { } answered } && answered.Number < request.CSeq?.Number)
        {
            // A newer re-INVITE shows that our 2xx to the peer's previous one arrived although its ACK did not: stop
            // resending that 2xx instead of refusing the new offer with 491 (and a 2–4 s back-off) under loss.
            call.PendingSuccess = null;
            call.SuccessRetransmitTimer?.Dispose();
            call.SuccessRetransmitTimer = null;
        }
        if (call.ReinviteInProgress || (isInvite && call.PendingSuccess is not null))
        {
            _stack.SendResponse(transaction, SipResponse.CreateFor(request, 491));
            return;
        }
        if (call.State is not (SipCallState.Established or SipCallState.Answering or SipCallState.Ringing))
        {
            _stack.SendResponse(transaction, SipResponse.CreateFor(request, isInvite ? 488 : 500));
            return;
        }
        if (RejectForSessionTimer(request, transaction)) return;
        call.Dialog!.RefreshTarget(request);
        var response = SipResponse.CreateFor(request, 200);
        if (request.To is { } to) response.To = to.WithTag(call.LocalTag);
        response.Headers.Add(SipHeaderNames.Contact, ContactFor(transaction.Peer.Protocol).ToString());
        WithCapabilities(response);
        var offer = request.Body;
        if (!offer.IsEmpty)
        {
            call.RemoteSdp = offer;
            var offered = SdpDirection.Of(offer);
            call.IsHeldRemotely = offered is SdpDirection.SendOnly or SdpDirection.Inactive;
            var answer = SdpDirection.With(call.LocalSdp, SdpDirection.Answer(offered, call.IsHeldLocally));
            call.LocalSdp = answer;
            SetBody(response, answer);
        }
        else
        {
            SetBody(response, call.LocalSdp);
        }
        OnSessionRefreshReceived(call, request, response);
        _stack.SendResponse(transaction, response);
        if (isInvite) RetransmitSuccessUntilAck(call, response, transaction.ResponseDestination, initial: false);
        if (!offer.IsEmpty) CallModified?.Invoke(call);
    }
}
