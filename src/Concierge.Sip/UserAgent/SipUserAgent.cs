using Concierge.Runtime.Loop;
using Concierge.Sip.Dialogs;
using Concierge.Sip.Headers;
using Concierge.Sip.Message;
using Concierge.Sip.Transactions;
using Concierge.Sip.Transport;

namespace Concierge.Sip.UserAgent;

/// <summary>
/// The UAC/UAS core (RFC 3261 §8, §12–§15) at call level, for a B2BUA and simulated phones and switches: place,
/// ring, answer, reject, cancel and end calls; hold/resume by re-INVITE or UPDATE; transfer with REFER and
/// Replaces; INFO and OPTIONS; session timers (RFC 4028). Everything runs on the stack's event loop; events are
/// raised there too. One user agent owns its <see cref="SipStack"/>'s request handling.
/// </summary>
public sealed partial class SipUserAgent : IDisposable
{
    private readonly SipStack _stack;
    private readonly Dictionary<SipDialogId, SipCall> _dialogs = new();
    private readonly HashSet<SipCall> _calls = new();
    private readonly Dictionary<string, Action<SipRequestReceived>> _methodHandlers = new(StringComparer.Ordinal);
    private readonly Auth.SipDigestClient? _digest;
    private readonly string _allow;

    /// <summary>Takes over <paramref name="stack"/>'s request handling.</summary>
    public SipUserAgent(SipStack stack, SipUserAgentOptions? options = null)
    {
        _stack = stack ?? throw new ArgumentNullException(nameof(stack));
        Options = options ?? new SipUserAgentOptions();
        _allow = string.Join(", ", Options.AllowedMethods);
        if (Options.Credentials is { } credentials) _digest = new Auth.SipDigestClient(credentials, new Runtime.Randomness.DeterministicRandom((ulong)stack.NextRandom(int.MaxValue)));
        stack.RequestReceived = OnRequest;
        stack.StrayResponseReceived = OnStrayResponse;
    }

    /// <summary>A new incoming INVITE: call <see cref="Ring"/>, <see cref="Answer"/> or <see cref="Reject"/>.</summary>
    public event Action<SipCall>? IncomingCall;

    /// <summary>An outgoing call got a provisional response (180, 183 …) with the status code.</summary>
    public event Action<SipCall, int>? CallRinging;

    /// <summary>An outgoing call got its first response of any kind, 100 Trying included (the peer is alive).</summary>
    public event Action<SipCall, int>? CallTrying;

    /// <summary>The call is established: a 2xx arrived for our INVITE, or the ACK for our 2xx.</summary>
    public event Action<SipCall>? CallAnswered;

    /// <summary>An outgoing call failed with a status (a received 3xx–6xx, 408 for no answer, 503 for a transport error).</summary>
    public event Action<SipCall, int, string>? CallFailed;

    /// <summary>The call is over (raised exactly once per call, after CallFailed when there is one).</summary>
    public event Action<SipCall, SipCallEndReason>? CallEnded;

    /// <summary>The peer changed the session (re-INVITE or UPDATE offer, e.g. hold or resume); see the call's hold flags and RemoteSdp.</summary>
    public event Action<SipCall>? CallModified;

    /// <summary>Our re-INVITE or UPDATE (hold, resume, reoffer) finished with this status.</summary>
    public event Action<SipCall, int>? ReofferCompleted;

    /// <summary>The peer asked us to transfer (REFER, already answered 202); report with <see cref="NotifyReferProgress"/>.</summary>
    public event Action<SipReferSubscription>? ReferReceived;

    /// <summary>A NOTIFY about our REFER: the status line of the transferee's new call (or the REFER's own failure).</summary>
    public event Action<SipCall, int>? ReferProgress;

    /// <summary>An INFO request arrived in a call (already answered 200).</summary>
    public event Action<SipCall, SipRequest>? InfoReceived;

    /// <summary>Decides whether a well-formed REFER is taken (return 202) or refused with the status returned (e.g. 481, 603).</summary>
    public Func<SipCall, SipReferSubscription, int>? ScreenRefer { get; set; }

    /// <summary>The options.</summary>
    public SipUserAgentOptions Options { get; }

    /// <summary>The stack underneath.</summary>
    public SipStack Stack => _stack;

    /// <summary>Calls not yet ended.</summary>
    public IReadOnlyCollection<SipCall> Calls => _calls;

    /// <summary>Our default From address.</summary>
    public NameAddress DefaultFrom => new(SipUri.Sip(Options.UserName, Options.Domain ?? _stack.Transport.AdvertisedHost), Options.DisplayName);

    private IEventLoop Loop => _stack.Loop;

    private SipTimerSettings Timers => _stack.Transactions.Settings;

    /// <summary>Handles out-of-dialog requests of <paramref name="method"/> (e.g. REGISTER for a registrar) instead of answering 405.</summary>
    public void HandleRequests(string method, Action<SipRequestReceived> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _methodHandlers[method] = handler;
    }

    /// <summary>Ends every call (BYE, CANCEL or 480) and stops handling requests.</summary>
    public void Dispose()
    {
        foreach (var call in _calls.ToArray()) Hangup(call);
        foreach (var call in _calls.ToArray()) EndCall(call, SipCallEndReason.Shutdown);
    }

    /// <summary>Ends <paramref name="call"/> whatever its state: CANCEL, reject with 480, or BYE.</summary>
    public void Hangup(SipCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.IsEnded) return;
        if (call.IsOutgoing && call.State is SipCallState.Calling or SipCallState.Ringing) Cancel(call);
        else if (!call.IsOutgoing && call.State is SipCallState.Calling or SipCallState.Ringing) Reject(call, 480);
        else Bye(call);
    }

    private void OnRequest(SipRequestReceived received)
    {
        var request = received.Request;
        var toTag = request.To?.Tag;
        if (Options.DialogAuditAfterSilence is { } silence) NotePeerHeard(received.Source, silence, request.Method == SipMethod.Options && toTag is null);
        switch (request.Method)
        {
            case SipMethod.Ack:
                OnAck(request);
                return;
            case SipMethod.Cancel:
                OnCancel(received);
                return;
            case SipMethod.Invite when toTag is null:
                OnNewInvite(received);
                return;
        }
        if (received.Transaction is not { } transaction) return;
        if (request.Method == SipMethod.Register && _methodHandlers.TryGetValue(SipMethod.Register, out var registrar))
        {
            // REGISTER never belongs to a dialog, whatever its To tag says.
            registrar(received);
            return;
        }
        if (toTag is not null)
        {
            OnInDialogRequest(received, transaction);
            return;
        }
        if (_methodHandlers.TryGetValue(request.Method, out var handler))
        {
            handler(received);
            return;
        }
        if (request.Method == SipMethod.Options)
        {
            LastProbeHeardAt = Loop.Time.GetUtcNow();
            _stack.SendResponse(transaction, WithCapabilities(SipResponse.CreateFor(request, 200)));
            return;
        }
        var status = request.Method is SipMethod.Bye or SipMethod.Notify or SipMethod.Info or SipMethod.Update or SipMethod.Refer ? 481 : 405;
        var response = SipResponse.CreateFor(request, status);
        if (status == 405) response.Headers.Add(SipHeaderNames.Allow, _allow);
        _stack.SendResponse(transaction, response);
    }

    private void OnStrayResponse(SipResponseReceived stray)
    {
        var response = stray.Response;
        if (!response.IsSuccess || response.CSeq?.Method != SipMethod.Invite) return;
        if (response.CallId is not { } callId || response.From?.Tag is not { } localTag || response.To?.Tag is not { } remoteTag) return;
        if (_dialogs.TryGetValue(new SipDialogId(callId, localTag, remoteTag), out var call)) ResendAck(call, response);
    }

    private void RegisterDialog(SipCall call, SipDialog dialog)
    {
        if (call.Dialog is { } old && _dialogs.TryGetValue(old.Id, out var known) && ReferenceEquals(known, call)) _dialogs.Remove(old.Id);
        call.Dialog = dialog;
        _dialogs[dialog.Id] = call;
    }

    private SipCall? FindCall(SipMessage request)
    {
        if (request.CallId is not { } callId || request.To?.Tag is not { } localTag) return null;
        var remoteTag = request.From?.Tag ?? string.Empty;
        return _dialogs.GetValueOrDefault(new SipDialogId(callId, localTag, remoteTag));
    }

    /// <summary>Where requests to the peer of <paramref name="call"/> go now (its remote target or route, else where the INVITE came from or went).</summary>
    public SipEndPoint? PeerOf(SipCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return DialogHop(call);
    }

    /// <summary>Finds a live call by its dialog id as this side keeps it.</summary>
    public SipCall? FindCall(SipDialogId id) => _dialogs.GetValueOrDefault(id);

    private SipEndPoint? NextHop(SipUri uri, SipEndPoint? explicitDestination = null)
    {
        if (explicitDestination is not null) return explicitDestination;
        if (Options.OutboundProxy is { } proxy) return proxy;
        var endPoint = SipNextHop.FromUri(uri) ?? Options.Resolve?.Invoke(uri);
        if (endPoint is not null && uri.Transport is null && !uri.IsSecure && Options.DefaultProtocol != SipTransportProtocol.Udp)
            endPoint = endPoint with { Protocol = Options.DefaultProtocol };
        return endPoint;
    }

    private SipEndPoint? DialogHop(SipCall call) =>
        call.Dialog is { } dialog ? NextHop(dialog.NextHopUri) ?? call.Destination : call.Destination;

    private SipVia NewVia(SipEndPoint destination) => _stack.Transport.CreateVia(destination.Protocol, _stack.NewBranch());

    private NameAddress ContactFor(SipTransportProtocol protocol) => new(_stack.Transport.ContactUri(Options.UserName, protocol));

    private SipResponse WithCapabilities(SipResponse response)
    {
        response.Headers.Add(SipHeaderNames.Allow, _allow);
        response.Headers.Add(SipHeaderNames.Supported, "timer, replaces");
        response.Headers.Add("Accept", "application/sdp");
        return response;
    }

    private void EndCall(SipCall call, SipCallEndReason reason)
    {
        if (call.IsEnded) return;
        call.State = SipCallState.Ended;
        call.EndReason = reason;
        call.Dialog?.Terminate();
        call.SuccessRetransmitTimer?.Dispose();
        call.SessionTimer?.Dispose();
        call.GuardTimer?.Dispose();
        _calls.Remove(call);
        if (call.Dialog is { } dialog && _dialogs.TryGetValue(dialog.Id, out var known) && ReferenceEquals(known, call)) _dialogs.Remove(dialog.Id);
        CallEnded?.Invoke(call, reason);
    }

    private void SetBody(SipMessage message, ReadOnlyMemory<byte> sdp)
    {
        if (!sdp.IsEmpty) message.SetBody(SipMediaType.Sdp, sdp);
    }
}
