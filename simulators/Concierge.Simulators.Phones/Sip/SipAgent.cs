using System.Globalization;
using System.Net;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Tracing;
using Concierge.Runtime.Transports;
using Concierge.Sip.Headers;
using Concierge.Sip.Message;
using Concierge.Sip.Parsing;
using Concierge.Sip.Transactions;
using Concierge.Sip.Transport;

namespace Concierge.Simulators.Phones.Sip;

/// <summary>
/// A simulated SIP user agent on one UDP port: runs the transaction layer on the event loop, keeps INVITE dialogs
/// (<see cref="SipLeg"/>) and hands new calls and out-of-dialog requests to its owner.
/// </summary>
public sealed class SipAgent : IDisposable
{
    private const int MaxPumpRounds = 10_000;
    private readonly IDatagramTransport _transport;
    private readonly SipTransactionLayer _layer;
    private readonly DeterministicRandom _random;
    private readonly ITrace _trace;
    private readonly Dictionary<string, SipLeg> _legs = new(StringComparer.Ordinal);
    private readonly System.Buffers.ArrayBufferWriter<byte> _sendBuffer = new(2048); // the transport copies what it sends
    private ITimer? _timer;
    private DateTimeOffset? _timerDue;
    private bool _pumping;

    /// <summary>Binds <paramref name="port"/> on <paramref name="stack"/>.</summary>
    public SipAgent(string name, IEventLoop loop, INetworkStack stack, int port, DeterministicRandom random, ITrace? trace = null,
        SipTimerSettings? timers = null)
    {
        Name = name;
        Loop = loop;
        _random = random;
        _trace = trace ?? NullTrace.Instance;
        _layer = new SipTransactionLayer(timers);
        _transport = stack.BindDatagram(port, OnDatagram);
        LocalEndPoint = new IPEndPoint(stack.Address, _transport.LocalEndPoint.Port);
    }

    /// <summary>A name for traces.</summary>
    public string Name { get; }

    /// <summary>The loop everything runs on.</summary>
    public IEventLoop Loop { get; }

    /// <summary>Where this agent receives SIP.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>A new incoming call (an INVITE outside any dialog); the handler rings, answers or rejects the leg.</summary>
    public event Action<SipLeg>? IncomingCall;

    /// <summary>Out-of-dialog requests other than INVITE (REGISTER …); return true when answered.</summary>
    public Func<SipRequest, SipServerTransaction, bool>? OtherRequest { get; set; }

    /// <summary>Live dialogs.</summary>
    public IReadOnlyCollection<SipLeg> Legs => _legs.Values;

    /// <summary>Datagrams that did not parse.</summary>
    public long ParseErrors { get; private set; }

    /// <summary>Requests answered 481 (no such dialog).</summary>
    public long UnknownDialogRequests { get; private set; }

    /// <summary>Starts a call: sends an INVITE to <paramref name="destination"/>.</summary>
    public SipLeg Call(SipUri requestUri, NameAddress from, NameAddress to, IPEndPoint destination, string? sdp,
        IReadOnlyList<KeyValuePair<string, string>>? extraHeaders = null)
    {
        var callId = NewToken(16) + "@" + LocalEndPoint.Address;
        var leg = new SipLeg(this, outgoing: true, callId, NewToken(8), from, to, requestUri, destination) { LocalSdp = sdp };
        _legs[leg.Key] = leg;
        leg.SendInitialInvite(extraHeaders);
        return leg;
    }

    /// <summary>Sends a request outside any dialog; <paramref name="onFinal"/> gets the final response, or null on timeout.</summary>
    public void Send(SipRequest request, IPEndPoint destination, Action<SipResponse?> onFinal)
    {
        var tx = _layer.SendRequest(request, SipEndPoint.Udp(destination.Address, destination.Port), Loop.Now());
        tx.UserState = new ClientCallback(r => { if (r is null || r.IsFinal) onFinal(r); });
        Pump();
    }

    /// <summary>Answers a request received in a transaction.</summary>
    public void Respond(SipServerTransaction transaction, SipResponse response)
    {
        _layer.SendResponse(transaction, response, Loop.Now());
        Pump();
    }

    /// <summary>A new Via for a request from this agent.</summary>
    public SipVia NewVia() => SipVia.Create("UDP", LocalEndPoint.Address.ToString(), LocalEndPoint.Port, "z9hG4bK" + NewToken(12));

    /// <summary>A Contact for <paramref name="user"/> at this agent.</summary>
    public NameAddress ContactFor(string? user) => new(SipUri.Sip(user, LocalEndPoint.Address.ToString(), LocalEndPoint.Port));

    /// <summary>A fresh random token (tags, Call-IDs, branches).</summary>
    public string NewToken(int length) => _random.NextHexToken(length);

    /// <summary>The dialog with <paramref name="callId"/> whose local tag is <paramref name="localTag"/>.</summary>
    public SipLeg? FindLeg(string callId, string localTag) => _legs.GetValueOrDefault(callId + "|" + localTag);

    /// <summary>Records a line in the trace.</summary>
    public void Trace(string text)
    {
        if (_trace.IsEnabled) _trace.Record("sip." + Name, text);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _timer?.Dispose();
        _transport.Dispose();
    }

    internal SipClientTransaction SendTransaction(SipRequest request, IPEndPoint destination, ClientCallback callback)
    {
        var tx = _layer.SendRequest(request, SipEndPoint.Udp(destination.Address, destination.Port), Loop.Now());
        tx.UserState = callback;
        Pump();
        return tx;
    }

    internal void SendStateless(SipMessage message, IPEndPoint destination)
    {
        _layer.SendStateless(message, SipEndPoint.Udp(destination.Address, destination.Port));
        Pump();
    }

    internal void Forget(SipLeg leg) => _legs.Remove(leg.Key);

    internal void Rekey(SipLeg leg, string oldKey)
    {
        _legs.Remove(oldKey);
        _legs[leg.Key] = leg;
    }

    private void OnDatagram(ReadOnlySpan<byte> payload, IPEndPoint from)
    {
        if (!SipParser.TryParse(payload, SipParserLimits.Default, out var message, out _) || message is null)
        {
            ParseErrors++;
            return;
        }
        _layer.HandleMessage(message, SipEndPoint.Udp(from.Address, from.Port), Loop.Now());
        Pump();
    }

    private void Pump()
    {
        if (_pumping) return;
        _pumping = true;
        try
        {
            for (var round = 0; round < MaxPumpRounds; round++)
            {
                var progressed = false;
                while (_layer.TryPollTransmit(out var transmit))
                {
                    progressed = true;
                    _sendBuffer.ResetWrittenCount();
                    transmit.Message.WriteTo(_sendBuffer);
                    _transport.Send(_sendBuffer.WrittenSpan, transmit.Destination.Address);
                }
                while (_layer.TryPollEvent(out var e))
                {
                    progressed = true;
                    Handle(e);
                }
                if (!progressed) break;
            }
        }
        finally
        {
            _pumping = false;
        }
        ArmTimer();
    }

    private void ArmTimer()
    {
        var due = _layer.PollTimeout();
        if (due == _timerDue) return;
        _timer?.Dispose();
        _timer = null;
        _timerDue = due;
        if (due is not { } at) return;
        var delay = at - Loop.Now();
        if (delay < TimeSpan.Zero) delay = TimeSpan.Zero;
        _timer = Loop.ScheduleAfter(delay, () =>
        {
            _timerDue = null;
            _layer.HandleTimeout(Loop.Now());
            Pump();
        });
    }

    private void Handle(SipTransactionEvent e)
    {
        switch (e)
        {
            case SipRequestReceived received:
                HandleRequest(received.Request, received.Transaction);
                break;
            case SipResponseReceived response:
                if (response.Transaction?.UserState is ClientCallback callback) callback.OnResponse(response.Response);
                else HandleStrayResponse(response.Response);
                break;
            case SipTransactionFailed failed:
                if (failed.Transaction.UserState is ClientCallback failedCallback) failedCallback.OnResponse(null);
                break;
        }
    }

    private void HandleStrayResponse(SipResponse response)
    {
        // A 2xx retransmission after the INVITE transaction ended: acknowledge it again.
        if (response.IsSuccess && response.CSeq?.Method == SipMethod.Invite && response.CallId is { } callId
            && response.From?.Tag is { } tag && FindLeg(callId, tag) is { } leg)
        {
            leg.ReAcknowledge(response);
        }
    }

    private void HandleRequest(SipRequest request, SipServerTransaction? tx)
    {
        if (request.Method == SipMethod.Ack)
        {
            if (request.CallId is { } ackCallId && request.To?.Tag is { } ackTag) FindLeg(ackCallId, ackTag)?.OnAck(request);
            return;
        }
        if (tx is null) return;
        if (request.Method == SipMethod.Cancel)
        {
            Respond(tx, WithToTag(SipResponse.CreateFor(request, 200)));
            if (_layer.FindInviteTransaction(request) is { UserState: SipLeg cancelled }) cancelled.OnCancelled();
            return;
        }
        var toTag = request.To?.Tag;
        if (toTag is not null)
        {
            if (request.CallId is { } callId && FindLeg(callId, toTag) is { } leg) leg.OnInDialogRequest(request, tx);
            else
            {
                UnknownDialogRequests++;
                Respond(tx, SipResponse.CreateFor(request, 481));
            }
            return;
        }
        if (request.Method == SipMethod.Invite)
        {
            if (request.CallId is null || request.From is null || request.To is null)
            {
                Respond(tx, SipResponse.CreateFor(request, 400));
                return;
            }
            var source = RemoteTargetEndPoint(request.Contact?.Uri) ?? tx.Peer.Address;
            var leg = new SipLeg(this, outgoing: false, request.CallId, NewToken(8), request.To, request.From,
                request.Contact?.Uri ?? request.RequestUri, source)
            {
                InitialRequest = request,
                RemoteSdp = SimpleSdp.BodyText(request.Body),
            };
            leg.AttachServerTransaction(tx);
            _legs[leg.Key] = leg;
            if (IncomingCall is null) leg.Reject(480);
            else IncomingCall.Invoke(leg);
            return;
        }
        if (OtherRequest?.Invoke(request, tx) == true) return;
        Respond(tx, SipResponse.CreateFor(request, request.Method == SipMethod.Options ? 200 : 405));
    }

    /// <summary>Adds a To tag to a response that has none.</summary>
    public SipResponse WithToTag(SipResponse response)
    {
        if (response.To is { Tag: null } to) response.To = to.WithTag(NewToken(8));
        return response;
    }

    /// <summary>The UDP end point a SIP URI with an IP host names (default port 5060), or null.</summary>
    public static IPEndPoint? RemoteTargetEndPoint(SipUri? uri) =>
        uri is not null && IPAddress.TryParse(uri.Host, out var address) ? new IPEndPoint(address, uri.Port ?? 5060) : null;

    internal static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal sealed record ClientCallback(Action<SipResponse?> OnResponse);
}
