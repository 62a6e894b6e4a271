using System.Globalization;
using Concierge.Runtime.Loop;
using Concierge.Sip.Dialogs;
using Concierge.Sip.Headers;
using Concierge.Sip.Message;
using Concierge.Sip.Transactions;
using Concierge.Sip.Transport;

namespace Concierge.Sip.UserAgent;

/// <summary>The UAC side of calls: INVITE, provisional and final responses, ACK, CANCEL, 422 retry.</summary>
public sealed partial class SipUserAgent
{
    /// <summary>
    /// Calls <paramref name="target"/>. The call reports through CallRinging / CallAnswered / CallFailed /
    /// CallEnded. A target that cannot be routed fails the call with 503 on the next loop turn.
    /// </summary>
    public SipCall Invite(SipUri target, SipInviteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        options ??= new SipInviteOptions();
        var destination = NextHop(target, options.Destination);
        var localTag = _stack.NewTag();
        var from = (options.From ?? DefaultFrom).WithTag(localTag);
        var to = options.To ?? new NameAddress(target);
        var protocol = destination?.Protocol ?? Options.DefaultProtocol;
        var via = _stack.Transport.CreateVia(protocol, _stack.NewBranch());
        var invite = SipRequest.Create(SipMethod.Invite, target, from, to, options.CallId ?? _stack.NewCallId(), 1, via);
        invite.Headers.Add(SipHeaderNames.Contact, ContactFor(protocol).ToString());
        invite.Headers.Add(SipHeaderNames.Allow, _allow);
        invite.Headers.Add(SipHeaderNames.Supported, "timer, replaces");
        invite.Headers.Add(SipHeaderNames.UserAgent, Options.Product);
        if (Options.SessionTimer.Enabled)
        {
            invite.Headers.Add(SipHeaderNames.SessionExpires, Seconds(Options.SessionTimer.Interval));
            invite.Headers.Add(SipHeaderNames.MinSe, Seconds(Options.SessionTimer.MinimumInterval));
        }
        if (options.Replaces is { } replaces)
        {
            invite.Headers.Add(SipHeaderNames.Replaces, replaces.ToString());
            invite.Headers.Add(SipHeaderNames.Require, "replaces");
        }
        foreach (var (name, value) in options.Headers) invite.Headers.Add(name, value);
        SetBody(invite, options.Sdp);

        var call = new SipCall(this, isOutgoing: true, invite, localTag) { Destination = destination, LocalSdp = options.Sdp };
        _calls.Add(call);
        if (destination is null)
        {
            Loop.Post(() => FailOutgoing(call, 503, "no route to " + target));
            return call;
        }
        StartInviteTransaction(call);
        if (Options.NoAnswerTimeout is { } noAnswer)
            call.GuardTimer = Loop.ScheduleAfter(noAnswer, () => { if (call.State is SipCallState.Calling or SipCallState.Ringing) Cancel(call); });
        return call;
    }

    /// <summary>
    /// Cancels an outgoing call that is not answered yet (RFC 3261 §9.1): the CANCEL waits for a provisional
    /// response; if a 2xx crosses it the call is ACKed and ended with BYE.
    /// </summary>
    public void Cancel(SipCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.IsEnded) return;
        if (!call.IsOutgoing)
        {
            Hangup(call);
            return;
        }
        if (call.State is SipCallState.Established or SipCallState.Answering)
        {
            Bye(call);
            return;
        }
        if (call.CancelPending) return;
        call.CancelPending = true;
        call.State = SipCallState.Terminating;
        if (call.ProvisionalReceived) SendCancel(call);
        call.GuardTimer?.Dispose();
        call.GuardTimer = Loop.ScheduleAfter(Timers.TransactionTimeout, () => EndCall(call, SipCallEndReason.LocalCancel));
    }

    private void StartInviteTransaction(SipCall call)
    {
        SipClientTransaction? transaction = null;
        transaction = _stack.SendRequest(call.Invite, call.Destination!,
            response => OnInviteResponse(call, transaction!, response),
            failure => OnInviteFailure(call, transaction!, failure));
        transaction.UserState = call;
        call.InviteTransaction = transaction;
    }

    private void SendCancel(SipCall call)
    {
        if (call.CancelSent || call.Destination is null) return;
        call.CancelSent = true;
        var invite = call.Invite;
        var cancel = new SipRequest(SipMethod.Cancel, invite.RequestUri);
        cancel.Headers.Add(SipHeaderNames.Via, invite.Headers.GetAll(SipHeaderNames.Via)[0]);
        cancel.MaxForwards = 70;
        cancel.From = invite.From;
        cancel.To = invite.To;
        cancel.CallId = invite.CallId;
        cancel.CSeq = new SipCSeq(invite.CSeq!.Value.Number, SipMethod.Cancel);
        foreach (var route in invite.Headers.GetAll(SipHeaderNames.Route)) cancel.Headers.Add(SipHeaderNames.Route, route);
        _stack.SendRequest(cancel, call.Destination, null);
    }

    private void OnInviteResponse(SipCall call, SipClientTransaction transaction, SipResponse response)
    {
        if (!ReferenceEquals(transaction, call.InviteTransaction)) return;
        if (response.IsProvisional)
        {
            OnInviteProvisional(call, response);
            return;
        }
        if (response.IsSuccess)
        {
            OnInviteSuccess(call, response);
            return;
        }
        if (call.IsEnded) return;
        call.FinalStatus = response.StatusCode;
        call.FailureResponse = response;
        if (response.StatusCode == 422 && TryRetryAfter422(call, response)) return;
        if (response.StatusCode is 401 or 407 && !call.CancelPending && TryRetryWithCredentials(call, response)) return;
        if (call.CancelPending && response.StatusCode == 487)
        {
            EndCall(call, SipCallEndReason.LocalCancel);
            return;
        }
        FailOutgoing(call, response.StatusCode, response.ReasonPhrase);
    }

    private void OnInviteProvisional(SipCall call, SipResponse response)
    {
        if (call.IsEnded) return;
        var first = !call.ProvisionalReceived;
        call.ProvisionalReceived = true;
        if (call.CancelPending)
        {
            SendCancel(call);
            return;
        }
        if (first) CallTrying?.Invoke(call, response.StatusCode);
        if (call.IsEnded || call.CancelPending) return;
        if (response.StatusCode == 100) return;
        if (response.To?.Tag is not null && call.Dialog is null && SipDialog.FromUacResponse(call.Invite, response) is { } early)
            RegisterDialog(call, early);
        if (!response.Body.IsEmpty) call.RemoteSdp = response.Body;
        call.State = SipCallState.Ringing;
        CallRinging?.Invoke(call, response.StatusCode);
    }

    private void OnInviteSuccess(SipCall call, SipResponse response)
    {
        var remoteTag = response.To?.Tag;
        if (call.Dialog is { State: SipDialogState.Confirmed } confirmed)
        {
            if (confirmed.Id.RemoteTag == remoteTag) ResendAck(call, response);
            else AckAndByeFork(call, response);
            return;
        }
        if (call.IsEnded)
        {
            // We gave up already (cancel guard, shutdown): acknowledge the late 2xx and end that dialog at once.
            AckAndByeFork(call, response);
            return;
        }
        if (call.Dialog is { } early && early.Id.RemoteTag == remoteTag) early.Confirm(response);
        else if (SipDialog.FromUacResponse(call.Invite, response) is { } dialog) RegisterDialog(call, dialog);
        else return;
        call.FinalStatus = response.StatusCode;
        if (!response.Body.IsEmpty) call.RemoteSdp = response.Body;
        SendAck(call, response);
        if (call.CancelPending)
        {
            Bye(call, SipCallEndReason.LocalCancel);
            return;
        }
        call.GuardTimer?.Dispose();
        call.State = SipCallState.Established;
        StartSessionTimerAsUac(call, response);
        CallAnswered?.Invoke(call);
    }

    private void SendAck(SipCall call, SipResponse response)
    {
        var dialog = call.Dialog!;
        var destination = DialogHop(call);
        if (destination is null) return;
        var ack = dialog.CreateRequest(SipMethod.Ack, NewVia(destination), response.CSeq?.Number ?? call.Invite.CSeq!.Value.Number);
        ack.Headers.Add(SipHeaderNames.UserAgent, Options.Product);
        if (response.CSeq?.Number == call.Invite.CSeq?.Number) call.Ack = ack;
        else call.ReinviteAck = ack;
        _stack.SendStateless(ack, destination);
    }

    private void ResendAck(SipCall call, SipResponse response)
    {
        var ack = response.CSeq?.Number == call.Invite.CSeq?.Number ? call.Ack : call.ReinviteAck;
        if (ack is not null && DialogHop(call) is { } destination) _stack.SendStateless(ack, destination);
    }

    /// <summary>A 2xx from a second fork (or after we gave up): acknowledge it and end that dialog at once.</summary>
    private void AckAndByeFork(SipCall call, SipResponse response)
    {
        if (SipDialog.FromUacResponse(call.Invite, response) is not { } dialog) return;
        var destination = NextHop(dialog.NextHopUri) ?? call.Destination;
        if (destination is null) return;
        var ack = dialog.CreateRequest(SipMethod.Ack, NewVia(destination), response.CSeq?.Number ?? 1);
        _stack.SendStateless(ack, destination);
        var bye = dialog.CreateRequest(SipMethod.Bye, NewVia(destination));
        _stack.SendRequest(bye, destination, null);
    }

    private bool TryRetryAfter422(SipCall call, SipResponse response)
    {
        if (call.SessionTimerRetries >= 2 || !int.TryParse(FirstToken(response.Headers.GetFirst(SipHeaderNames.MinSe)), NumberStyles.None, CultureInfo.InvariantCulture, out var minSe))
            return false;
        call.SessionTimerRetries++;
        var next = CloneInviteForRetry(call, SipHeaderNames.SessionExpires, SipHeaderNames.MinSe);
        var interval = Math.Max(minSe, (int)Options.SessionTimer.Interval.TotalSeconds);
        next.Headers.Add(SipHeaderNames.SessionExpires, interval.ToString(CultureInfo.InvariantCulture));
        next.Headers.Add(SipHeaderNames.MinSe, minSe.ToString(CultureInfo.InvariantCulture));
        RestartInvite(call, next);
        return true;
    }

    /// <summary>401/407 to our INVITE: resend it once more with digest credentials (RFC 3261 §22.2).</summary>
    private bool TryRetryWithCredentials(SipCall call, SipResponse response)
    {
        if (_digest is null || call.AuthAttempts >= 2) return false;
        call.AuthAttempts++;
        var next = CloneInviteForRetry(call, response.StatusCode == 407 ? SipHeaderNames.ProxyAuthorization : SipHeaderNames.Authorization);
        if (!_digest.TryAuthorize(next, response)) return false;
        RestartInvite(call, next);
        return true;
    }

    /// <summary>A copy of the call's INVITE with a new branch and CSeq + 1, without the named headers.</summary>
    private SipRequest CloneInviteForRetry(SipCall call, params string[] without)
    {
        var previous = call.Invite;
        var next = SipRequest.Create(SipMethod.Invite, previous.RequestUri, previous.From!, previous.To!, previous.CallId!,
            previous.CSeq!.Value.Number + 1, NewVia(call.Destination!));
        for (var i = 0; i < previous.Headers.Count; i++)
        {
            var name = previous.Headers[i].Name;
            if (name is SipHeaderNames.Via or SipHeaderNames.MaxForwards or SipHeaderNames.From or SipHeaderNames.To or SipHeaderNames.CallId
                or SipHeaderNames.CSeq or SipHeaderNames.ContentLength or SipHeaderNames.ContentType) continue;
            if (without.Contains(name, StringComparer.OrdinalIgnoreCase)) continue;
            next.Headers.Add(name, previous.Headers.ValueAt(i));
        }
        return next;
    }

    private void RestartInvite(SipCall call, SipRequest next)
    {
        SetBody(next, call.LocalSdp);
        call.Invite = next;
        call.ProvisionalReceived = false;
        StartInviteTransaction(call);
    }

    private void OnInviteFailure(SipCall call, SipClientTransaction transaction, SipTransactionFailure failure)
    {
        if (!ReferenceEquals(transaction, call.InviteTransaction) || call.IsEnded) return;
        if (call.CancelPending)
        {
            EndCall(call, SipCallEndReason.LocalCancel);
            return;
        }
        FailOutgoing(call, failure == SipTransactionFailure.Timeout ? 408 : 503, failure == SipTransactionFailure.Timeout ? "Request Timeout" : "Transport Error");
    }

    private void FailOutgoing(SipCall call, int status, string reason)
    {
        if (call.IsEnded) return;
        call.FinalStatus = status;
        CallFailed?.Invoke(call, status, reason);
        EndCall(call, SipCallEndReason.Failed);
    }

    private static string Seconds(TimeSpan interval) => ((long)interval.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    private static string? FirstToken(string? value) => value?.Split(';')[0].Trim();
}
