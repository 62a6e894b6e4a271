using System.Net;
using Concierge.Runtime.Loop;
using System.Text;
using Concierge.Sip.Headers;
using Concierge.Sip.Message;
using Concierge.Sip.Transactions;

namespace Concierge.Simulators.Phones.Sip;

/// <summary>
/// One side of an INVITE dialog held by a <see cref="SipAgent"/>: the call it placed or received, its SDP both ways,
/// and the in-dialog requests (BYE, re-INVITE, REFER, NOTIFY) sent and received on it.
/// </summary>
public sealed class SipLeg
{
    private SipServerTransaction? _inviteServer;
    private SipRequest? _sentInvite;
    private uint _localSeq;
    private bool _cancelRequested;
    private bool _acknowledged;
    private bool _reinviting;
    private bool _reofferWaiting;
    private Action<bool>? _waitingReofferDone;
    private uint? _reofferAnswerAwaitingAck;
    private string? _remoteSdp;
    private IPEndPoint? _remoteRtp;

    internal SipLeg(SipAgent agent, bool outgoing, string callId, string localTag, NameAddress local, NameAddress remote,
        SipUri remoteTarget, IPEndPoint peer)
    {
        Agent = agent;
        IsOutgoing = outgoing;
        CallId = callId;
        LocalTag = localTag;
        LocalParty = local.WithTag(localTag);
        RemoteParty = remote;
        RemoteTarget = remoteTarget;
        Peer = peer;
        _localSeq = 1;
    }

    /// <summary>The agent holding this leg.</summary>
    public SipAgent Agent { get; }

    /// <summary>True when this side sent the INVITE.</summary>
    public bool IsOutgoing { get; }

    /// <summary>The dialog's Call-ID.</summary>
    public string CallId { get; }

    /// <summary>This side's tag.</summary>
    public string LocalTag { get; }

    /// <summary>The other side's tag, once known.</summary>
    public string? RemoteTag => RemoteParty.Tag;

    /// <summary>This side's address (From of our requests), with tag.</summary>
    public NameAddress LocalParty { get; }

    /// <summary>The other side's address, with its tag once known.</summary>
    public NameAddress RemoteParty { get; private set; }

    /// <summary>Where in-dialog requests go (the other side's Contact).</summary>
    public SipUri RemoteTarget { get; private set; }

    /// <summary>The network address of the other side.</summary>
    public IPEndPoint Peer { get; private set; }

    /// <summary>Where the call stands.</summary>
    public SipLegState State { get; private set; }

    /// <summary>The SDP this side sends (offer or answer).</summary>
    public string? LocalSdp { get; set; }

    /// <summary>The SDP the other side sent last.</summary>
    public string? RemoteSdp
    {
        get => _remoteSdp;
        internal set
        {
            if (ReferenceEquals(value, _remoteSdp)) return;
            _remoteSdp = value;
            _remoteRtp = SimpleSdp.RtpEndPoint(value);
        }
    }

    /// <summary>The INVITE received (incoming legs) or sent (outgoing legs); null once the leg has ended.</summary>
    public SipRequest? InitialRequest { get; internal set; }

    /// <summary>The final response of the initial INVITE (sent or received), once there is one; null once the leg has ended.</summary>
    public SipResponse? FinalResponse { get; private set; }

    /// <summary>Status of the final response, or 408 when the INVITE timed out.</summary>
    public int? FinalStatus { get; private set; }

    /// <summary>Why the leg ended.</summary>
    public string? EndReason { get; private set; }

    /// <summary>Free slot for the owner.</summary>
    public object? Owner { get; set; }

    /// <summary>The other side's RTP address from its SDP.</summary>
    public IPEndPoint? RemoteRtp => _remoteRtp;

    /// <summary>First response of any kind arrived (the peer is alive).</summary>
    public event Action<SipLeg>? Responded;

    /// <summary>18x arrived (outgoing legs).</summary>
    public event Action<SipLeg>? Ringing;

    /// <summary>2xx arrived (outgoing) or the ACK arrived (incoming).</summary>
    public event Action<SipLeg>? Answered;

    /// <summary>The INVITE failed (3xx-6xx, or null on timeout), for outgoing legs.</summary>
    public event Action<SipLeg, SipResponse?>? Failed;

    /// <summary>The leg ended after being set up, or was cancelled by the caller (incoming legs).</summary>
    public event Action<SipLeg>? Ended;

    /// <summary>The other side changed its SDP by a re-INVITE.</summary>
    public event Action<SipLeg>? RemoteSdpChanged;

    /// <summary>A REFER arrived; the handler answers it through the transaction.</summary>
    public event Action<SipLeg, SipRequest, SipServerTransaction>? ReferReceived;

    /// <summary>A NOTIFY arrived (already answered 200).</summary>
    public event Action<SipLeg, SipRequest>? NotifyReceived;

    internal string Key => CallId + "|" + LocalTag;

    /// <summary>Sends 180 Ringing (incoming legs).</summary>
    public void Ring()
    {
        if (IsOutgoing || _inviteServer is not { CanRespond: true } tx || State != SipLegState.Calling) return;
        State = SipLegState.Ringing;
        Agent.Respond(tx, ResponseFor(tx.Request, 180));
    }

    /// <summary>Answers 200 with <paramref name="sdp"/> (incoming legs).</summary>
    public void Answer(string? sdp)
    {
        if (IsOutgoing || _inviteServer is not { CanRespond: true } tx || State is SipLegState.Established or SipLegState.Terminated) return;
        LocalSdp = sdp ?? LocalSdp;
        var response = ResponseFor(tx.Request, 200);
        if (LocalSdp is { } body) response.SetBody(SipMediaType.Sdp, Encoding.UTF8.GetBytes(body));
        FinalResponse = response;
        FinalStatus = 200;
        State = SipLegState.Established;
        Agent.Respond(tx, response);
        RetransmitUntilAcknowledged(response, tx.ResponseDestination.Address, TimeSpan.FromMilliseconds(500), TimeSpan.Zero);
        Answered?.Invoke(this);
    }

    /// <summary>RFC 3261 §13.3.1.4: the UAS core resends its 2xx (T1 doubling up to T2) until the ACK arrives, for 64·T1.</summary>
    private void RetransmitUntilAcknowledged(SipResponse response, IPEndPoint destination, TimeSpan interval, TimeSpan elapsed)
    {
        Agent.Loop.ScheduleAfter(interval, () =>
        {
            if (_acknowledged || State != SipLegState.Established) return;
            var total = elapsed + interval;
            if (total >= TimeSpan.FromSeconds(32))
            {
                // No ACK ever came: the dialog is dead (§13.3.1.4); end it with a BYE.
                SendInDialog(SipMethod.Bye, null, null, null);
                Terminate("no ACK");
                Ended?.Invoke(this);
                return;
            }
            Agent.SendStateless(response, destination);
            var next = interval * 2;
            RetransmitUntilAcknowledged(response, destination, next > TimeSpan.FromSeconds(4) ? TimeSpan.FromSeconds(4) : next, total);
        });
    }

    /// <summary>
    /// RFC 3261 §13.3.1.4 for a re-INVITE we answered: its transaction absorbs the resent re-INVITEs, so our 2xx is
    /// resent (T1 doubling up to T2) until the ACK arrives, for at most 64·T1.
    /// </summary>
    private void ResendReofferAnswerUntilAck(SipResponse response, IPEndPoint destination, uint cseq, TimeSpan interval, TimeSpan elapsed)
    {
        Agent.Loop.ScheduleAfter(interval, () =>
        {
            if (_reofferAnswerAwaitingAck != cseq || State != SipLegState.Established) return;
            var total = elapsed + interval;
            if (total >= TimeSpan.FromSeconds(32))
            {
                _reofferAnswerAwaitingAck = null;
                return;
            }
            Agent.SendStateless(response, destination);
            var next = interval * 2;
            ResendReofferAnswerUntilAck(response, destination, cseq, next > TimeSpan.FromSeconds(4) ? TimeSpan.FromSeconds(4) : next, total);
        });
    }

    /// <summary>Rejects the call with <paramref name="status"/> (incoming legs); <paramref name="contact"/> for 3xx.</summary>
    public void Reject(int status, string? contact = null)
    {
        if (IsOutgoing || _inviteServer is not { CanRespond: true } tx || State is SipLegState.Established or SipLegState.Terminated) return;
        var response = ResponseFor(tx.Request, status);
        if (contact is not null) response.Headers.Set("Contact", contact);
        FinalResponse = response;
        FinalStatus = status;
        Terminate("rejected " + SipAgent.Text(status));
        Agent.Respond(tx, response);
    }

    /// <summary>Ends the leg: CANCEL before an answer (outgoing), 480 before an answer (incoming), BYE after.</summary>
    public void Hangup()
    {
        switch (State)
        {
            case SipLegState.Terminated:
                return;
            case SipLegState.Established:
                SendInDialog(SipMethod.Bye, null, null, null);
                Terminate("hung up");
                Ended?.Invoke(this);
                return;
            default:
                if (!IsOutgoing)
                {
                    Reject(480);
                    return;
                }
                SendCancel();
                return;
        }
    }

    /// <summary>Sends a re-INVITE offering <paramref name="sdp"/>; <paramref name="done"/> hears whether it was accepted.</summary>
    public void ReInvite(string? sdp, Action<bool>? done = null)
    {
        if (State != SipLegState.Established)
        {
            done?.Invoke(false);
            return;
        }
        LocalSdp = sdp ?? LocalSdp;
        // RFC 3261 §14.1: one INVITE transaction at a time on a dialog. While our 2xx waits for its ACK or an earlier
        // re-INVITE for its answer, the offer waits (the newest SDP wins): sent at once, a lost and resent 2xx or
        // re-INVITE could overtake it and leave the other side with the older SDP.
        if (_reinviting || !IsOutgoing && !_acknowledged)
        {
            _reofferWaiting = true;
            _waitingReofferDone += done;
            return;
        }
        SendReInvite(done);
    }

    private void SendReInvite(Action<bool>? done)
    {
        _reinviting = true;
        var finished = false;
        SendInDialog(SipMethod.Invite, LocalSdp, null, response =>
        {
            if (finished)
            {
                if (response is { IsSuccess: true }) SendAck(response); // a resent 2xx: our ACK was lost
                return;
            }
            if (response is { IsSuccess: true })
            {
                if (SimpleSdp.BodyText(response.Body) is { } answer) RemoteSdp = answer;
                SendAck(response);
            }
            if (response is not null && !response.IsFinal) return;
            finished = true;
            _reinviting = false;
            done?.Invoke(response is { IsSuccess: true });
            SendWaitingReoffer();
        });
    }

    /// <summary>Sends the offer that waited for the dialog's INVITE transaction to finish.</summary>
    private void SendWaitingReoffer()
    {
        if (!_reofferWaiting || _reinviting || !IsOutgoing && !_acknowledged) return;
        var done = _waitingReofferDone;
        _reofferWaiting = false;
        _waitingReofferDone = null;
        if (State != SipLegState.Established)
        {
            done?.Invoke(false);
            return;
        }
        SendReInvite(done);
    }

    /// <summary>Sends REFER with <paramref name="referTo"/>; <paramref name="done"/> gets the final status (408 on timeout).</summary>
    public void Refer(string referTo, Action<int>? done = null, IReadOnlyList<KeyValuePair<string, string>>? extraHeaders = null)
    {
        var headers = new List<KeyValuePair<string, string>> { new("Refer-To", referTo) };
        if (extraHeaders is not null) headers.AddRange(extraHeaders);
        SendInDialog(SipMethod.Refer, null, headers, response =>
        {
            if (response is null || response.IsFinal) done?.Invoke(response?.StatusCode ?? 408);
        });
    }

    /// <summary>Sends a REFER progress NOTIFY carrying <paramref name="sipFrag"/> (e.g. "SIP/2.0 200 OK").</summary>
    public void NotifyReferProgress(string sipFrag, bool terminated)
    {
        SendInDialog(SipMethod.Notify, null,
        [
            new("Event", "refer"),
            new("Subscription-State", terminated ? "terminated;reason=noresource" : "active;expires=60"),
        ], null, sipFrag, "message/sipfrag");
    }

    /// <summary>Answers a request received on this leg (e.g. 202 to a REFER).</summary>
    public void Respond(SipServerTransaction tx, int status) => Agent.Respond(tx, ResponseFor(tx.Request, status));

    internal void AttachServerTransaction(SipServerTransaction tx)
    {
        _inviteServer = tx;
        tx.UserState = this;
    }

    internal void SendInitialInvite(IReadOnlyList<KeyValuePair<string, string>>? extraHeaders)
    {
        var request = SipRequest.Create(SipMethod.Invite, RemoteTarget, LocalParty, RemoteParty, CallId, _localSeq, Agent.NewVia());
        request.Headers.Set("Contact", Agent.ContactFor(LocalParty.Uri.User).ToString());
        if (extraHeaders is not null) foreach (var (name, value) in extraHeaders) request.Headers.Add(name, value);
        if (LocalSdp is { } sdp) request.SetBody(SipMediaType.Sdp, Encoding.UTF8.GetBytes(sdp));
        InitialRequest = _sentInvite = request;
        Agent.SendTransaction(request, Peer, new SipAgent.ClientCallback(OnInviteResponse));
    }

    internal void ReAcknowledge(SipResponse response)
    {
        // A resent 2xx for our INVITE: the initial one (outgoing legs) or a re-INVITE (either side).
        if (State == SipLegState.Established) SendAck(response);
    }

    internal void OnAck(SipRequest ack)
    {
        _acknowledged = true;
        if (ack.CSeq?.Number == _reofferAnswerAwaitingAck) _reofferAnswerAwaitingAck = null;
        if (SimpleSdp.BodyText(ack.Body) is { } sdp) RemoteSdp = sdp;
        SendWaitingReoffer();
    }

    internal void OnCancelled()
    {
        if (IsOutgoing || State is SipLegState.Established or SipLegState.Terminated) return;
        if (_inviteServer is { CanRespond: true } tx)
        {
            FinalStatus = 487;
            Agent.Respond(tx, ResponseFor(tx.Request, 487));
        }
        Terminate("cancelled");
        Ended?.Invoke(this);
    }

    internal void OnInDialogRequest(SipRequest request, SipServerTransaction tx)
    {
        if (request.Contact?.Uri is { } contact)
        {
            RemoteTarget = contact;
            Peer = SipAgent.RemoteTargetEndPoint(contact) ?? Peer;
        }
        switch (request.Method)
        {
            case SipMethod.Bye:
                Respond(tx, 200);
                if (State == SipLegState.Terminated) return;
                Terminate("remote hung up");
                Ended?.Invoke(this);
                break;
            case SipMethod.Invite:
                var offer = SimpleSdp.BodyText(request.Body);
                var response = ResponseFor(request, 200);
                if (LocalSdp is { } local) response.SetBody(SipMediaType.Sdp, Encoding.UTF8.GetBytes(local));
                Agent.Respond(tx, response);
                if (request.CSeq is { } cseq)
                {
                    _reofferAnswerAwaitingAck = cseq.Number;
                    ResendReofferAnswerUntilAck(response, tx.ResponseDestination.Address, cseq.Number, TimeSpan.FromMilliseconds(500), TimeSpan.Zero);
                }
                if (offer is not null && offer != RemoteSdp)
                {
                    RemoteSdp = offer;
                    RemoteSdpChanged?.Invoke(this);
                }
                break;
            case SipMethod.Refer:
                if (ReferReceived is null) Respond(tx, 603);
                else ReferReceived.Invoke(this, request, tx);
                break;
            case SipMethod.Notify:
                Respond(tx, 200);
                NotifyReceived?.Invoke(this, request);
                break;
            default:
                Respond(tx, 200);
                break;
        }
    }

    private void OnInviteResponse(SipResponse? response)
    {
        if (State == SipLegState.Terminated && response is { IsSuccess: true })
        {
            // Answered after we cancelled or gave up: take the call and hang up at once.
            ApplyRemote(response);
            SendAck(response);
            SendInDialog(SipMethod.Bye, null, null, null);
            return;
        }
        if (State == SipLegState.Terminated) return;
        if (State == SipLegState.Established && response is { IsSuccess: true })
        {
            SendAck(response); // a retransmitted 2xx: our ACK was lost
            return;
        }
        if (response is null)
        {
            FinalStatus = 408;
            Terminate("no response");
            Failed?.Invoke(this, null);
            return;
        }
        Responded?.Invoke(this);
        if (response.StatusCode is > 100 and < 200)
        {
            ApplyRemote(response);
            if (State == SipLegState.Calling && response.StatusCode is 180 or 183)
            {
                State = SipLegState.Ringing;
                Ringing?.Invoke(this);
            }
            return;
        }
        if (response.StatusCode == 100) return;
        FinalResponse = response;
        FinalStatus = response.StatusCode;
        if (response.IsSuccess)
        {
            ApplyRemote(response);
            if (SimpleSdp.BodyText(response.Body) is { } answer) RemoteSdp = answer;
            SendAck(response);
            State = SipLegState.Established;
            if (_cancelRequested)
            {
                SendInDialog(SipMethod.Bye, null, null, null);
                Terminate("cancelled");
                Ended?.Invoke(this);
                return;
            }
            Answered?.Invoke(this);
            return;
        }
        Terminate(_cancelRequested ? "cancelled" : "failed " + SipAgent.Text(response.StatusCode));
        Failed?.Invoke(this, response);
    }

    private void ApplyRemote(SipResponse response)
    {
        if (response.To is { Tag: not null } to && RemoteParty.Tag is null) RemoteParty = to;
        if (response.Contact?.Uri is { } contact)
        {
            RemoteTarget = contact;
            Peer = SipAgent.RemoteTargetEndPoint(contact) ?? Peer;
        }
    }

    private void SendCancel()
    {
        if (_cancelRequested || _sentInvite is null) return;
        _cancelRequested = true;
        var cancel = new SipRequest(SipMethod.Cancel, _sentInvite.RequestUri);
        cancel.PushVia(_sentInvite.TopVia!);
        cancel.MaxForwards = 70;
        cancel.From = _sentInvite.From;
        cancel.To = _sentInvite.To;
        cancel.CallId = CallId;
        cancel.CSeq = new SipCSeq(_sentInvite.CSeq!.Value.Number, SipMethod.Cancel);
        Agent.SendTransaction(cancel, Peer, new SipAgent.ClientCallback(_ => { }));
        // The INVITE's 487 (or a timeout) completes the leg; if nothing comes back the transaction times out.
        Terminate("cancelled");
        Ended?.Invoke(this);
    }

    private void SendAck(SipResponse response)
    {
        var ack = SipRequest.Create(SipMethod.Ack, RemoteTarget, LocalParty, RemoteParty, CallId, response.CSeq?.Number ?? _localSeq, Agent.NewVia());
        Agent.SendStateless(ack, Peer);
    }

    private void SendInDialog(string method, string? sdp, IReadOnlyList<KeyValuePair<string, string>>? headers, Action<SipResponse?>? onResponse,
        string? body = null, string? contentType = null)
    {
        var request = SipRequest.Create(method, RemoteTarget, LocalParty, RemoteParty, CallId, ++_localSeq, Agent.NewVia());
        request.Headers.Set("Contact", Agent.ContactFor(LocalParty.Uri.User).ToString());
        if (headers is not null) foreach (var (name, value) in headers) request.Headers.Add(name, value);
        if (sdp is not null) request.SetBody(SipMediaType.Sdp, Encoding.UTF8.GetBytes(sdp));
        else if (body is not null && contentType is not null && SipMediaType.TryParse(contentType, out var type) && type is not null)
        {
            request.SetBody(type, Encoding.UTF8.GetBytes(body));
        }
        Agent.SendTransaction(request, Peer, new SipAgent.ClientCallback(onResponse ?? (_ => { })));
    }

    private SipResponse ResponseFor(SipRequest request, int status)
    {
        var response = SipResponse.CreateFor(request, status);
        if (status > 100) response.To = (request.To ?? LocalParty).WithTag(LocalTag);
        if (status is > 100 and < 300) response.Headers.Set("Contact", Agent.ContactFor(LocalParty.Uri.User).ToString());
        return response;
    }

    private void Terminate(string reason)
    {
        if (State == SipLegState.Terminated) return;
        State = SipLegState.Terminated;
        EndReason = reason;
        // An ended leg keeps its identity and outcome (FinalStatus, EndReason), not its messages: callers' legs are
        // kept for the whole run, and their messages would be most of the simulator's memory.
        _inviteServer = null;
        _sentInvite = null;
        InitialRequest = null;
        FinalResponse = null;
        Agent.Loop.Post(() => Agent.Forget(this));
    }
}
