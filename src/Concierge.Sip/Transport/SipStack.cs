using Concierge.Runtime.Faults;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Tracing;
using Concierge.Runtime.Transports;
using Concierge.Sip.Headers;
using Concierge.Sip.Message;
using Concierge.Sip.Transactions;
using Concierge.Sip.Validation;

namespace Concierge.Sip.Transport;

/// <summary>
/// A running SIP endpoint on one event loop: a <see cref="SipTransport"/> feeding the sans-IO
/// <see cref="SipTransactionLayer"/>, whose next deadline is kept on one TimeProvider timer. Received requests
/// are checked by <see cref="SipRequestValidator"/> (rejected ones answered statelessly and counted) and then
/// reported to <see cref="RequestReceived"/>; client transactions report to the callbacks given when sent.
/// </summary>
public sealed class SipStack : IDisposable
{
    private readonly IEventLoop _loop;
    private readonly DeterministicRandom _random;
    private readonly SipRequestValidator? _validator;
    private readonly ITimer _timer;
    private readonly ITrace _trace;
    private DateTimeOffset? _armedFor;
    private bool _pumping;
    private bool _disposed;

    /// <summary>Opens the transports on <paramref name="network"/> and starts taking messages on <paramref name="loop"/>.</summary>
    public SipStack(IEventLoop loop, INetworkStack network, SipStackOptions options, DeterministicRandom random, ITrace? trace = null)
    {
        _loop = loop ?? throw new ArgumentNullException(nameof(loop));
        ArgumentNullException.ThrowIfNull(options);
        _random = random ?? throw new ArgumentNullException(nameof(random));
        _trace = trace ?? NullTrace.Instance;
        Options = options;
        _validator = options.Validation is { } v ? new SipRequestValidator(v) : null;
        Transactions = new SipTransactionLayer(options.Timers, options.MaxTransactions);
        _timer = loop.Time.CreateTimer(static s => ((SipStack)s!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Transport = new SipTransport(network, options.Transport, OnMessage, _trace);
    }

    /// <summary>The options this stack was built with.</summary>
    public SipStackOptions Options { get; }

    /// <summary>The event loop everything runs on.</summary>
    public IEventLoop Loop => _loop;

    /// <summary>The loop's current time.</summary>
    public DateTimeOffset Now => _loop.Time.GetUtcNow();

    /// <summary>The transports.</summary>
    public SipTransport Transport { get; }

    /// <summary>The transaction layer.</summary>
    public SipTransactionLayer Transactions { get; }

    /// <summary>Requests refused by the validator (answered with its status, or dropped when no answer is possible).</summary>
    public long RequestsRejected { get; private set; }

    /// <summary>Exceptions thrown by handlers and caught here so the engine keeps running.</summary>
    public long HandlerFaults { get; private set; }

    /// <summary>The last exception a handler threw and the stack contained (<see cref="HandlerFaultPolicy.Contain"/>), or null.</summary>
    public Exception? LastHandlerFault { get; private set; }

    /// <summary>Told about every new request (and every ACK for a 2xx).</summary>
    public Action<SipRequestReceived>? RequestReceived { get; set; }

    /// <summary>Told about responses that match no client transaction (e.g. late 2xx retransmissions).</summary>
    public Action<SipResponseReceived>? StrayResponseReceived { get; set; }

    /// <summary>Told about a server transaction that failed (no ACK for a non-2xx final, transport error).</summary>
    public Action<SipTransactionFailed>? ServerTransactionFailed { get; set; }

    /// <summary>A fresh RFC 3261 branch (magic cookie + random token).</summary>
    public string NewBranch() => SipVia.BranchCookie + _random.NextHexToken(16);

    /// <summary>A fresh From/To tag.</summary>
    public string NewTag() => _random.NextHexToken(12);

    /// <summary>A seeded random number in [0, <paramref name="maxExclusive"/>) (e.g. the 491 back-off).</summary>
    public int NextRandom(int maxExclusive) => _random.Next(maxExclusive);

    /// <summary>A fresh Call-ID at this host.</summary>
    public string NewCallId() => _random.NextHexToken(20) + "@" + Transport.AdvertisedHost;

    /// <summary>Starts a client transaction; <paramref name="onResponse"/> hears every response, <paramref name="onFailure"/> a timeout or transport error.</summary>
    public SipClientTransaction SendRequest(SipRequest request, SipEndPoint destination, Action<SipResponse>? onResponse, Action<SipTransactionFailure>? onFailure = null)
    {
        var transaction = Transactions.SendRequest(request, destination, Now);
        transaction.DriverState = new ClientCallbacks(onResponse, onFailure);
        Pump();
        return transaction;
    }

    /// <summary>Sends a response within a server transaction.</summary>
    public void SendResponse(SipServerTransaction transaction, SipResponse response)
    {
        Transactions.SendResponse(transaction, response, Now);
        Pump();
    }

    /// <summary>Sends a message outside any transaction (ACK for 2xx, 2xx retransmissions).</summary>
    public void SendStateless(SipMessage message, SipEndPoint destination)
    {
        Transactions.SendStateless(message, destination);
        Pump();
    }

    /// <summary>Closes the transports and stops the timer.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _timer.Dispose();
        Transport.Dispose();
    }

    private void OnMessage(SipMessage message, SipEndPoint source)
    {
        if (_disposed) return;
        if (message is SipRequest request && _validator is not null)
        {
            var verdict = _validator.Validate(request);
            if (!verdict.IsAccepted)
            {
                RequestsRejected++;
                if (_trace.IsEnabled) _trace.Record("sip." + Options.Name, $"reject {verdict}");
                if (verdict.CreateResponse(request) is { } response)
                {
                    var destination = request.TopVia is { } via ? SipResponseRouting.Destination(via, source) : source;
                    Transactions.SendStateless(response, destination);
                }
                Pump();
                return;
            }
        }
        Transactions.HandleMessage(message, source, Now);
        Pump();
    }

    private void OnTimer()
    {
        if (_disposed) return;
        _armedFor = null;
        Transactions.HandleTimeout(Now);
        Pump();
    }

    /// <summary>Moves transmits to the transport and events to their handlers until both queues are empty, then re-arms the timer.</summary>
    private void Pump()
    {
        if (_pumping || _disposed) return;
        _pumping = true;
        try
        {
            for (var round = 0; round < 1_000_000; round++)
            {
                if (Transactions.TryPollTransmit(out var transmit))
                {
                    var transaction = transmit.Transaction;
                    Transport.Send(transmit.Message, transmit.Destination,
                        transaction is null ? null : _ => _loop.Post(() => OnTransportError(transaction)));
                    continue;
                }
                if (Transactions.TryPollEvent(out var transactionEvent))
                {
                    Dispatch(transactionEvent);
                    continue;
                }
                break;
            }
        }
        finally
        {
            _pumping = false;
        }
        Rearm();
    }

    private void OnTransportError(SipTransaction transaction)
    {
        Transactions.HandleTransportError(transaction, Now);
        Pump();
    }

    private void Rearm()
    {
        var next = Transactions.PollTimeout();
        if (next == _armedFor) return;
        _armedFor = next;
        if (next is { } due)
        {
            var delay = due - Now;
            _timer.Change(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    private void Dispatch(SipTransactionEvent transactionEvent)
    {
        try
        {
            switch (transactionEvent)
            {
                case SipRequestReceived received:
                    RequestReceived?.Invoke(received);
                    break;
                case SipResponseReceived { Transaction: { DriverState: ClientCallbacks callbacks } } response:
                    callbacks.OnResponse?.Invoke(response.Response);
                    break;
                case SipResponseReceived stray:
                    StrayResponseReceived?.Invoke(stray);
                    break;
                case SipTransactionFailed { Transaction: { DriverState: ClientCallbacks callbacks } } failed:
                    callbacks.OnFailure?.Invoke(failed.Failure);
                    break;
                case SipTransactionFailed failed:
                    ServerTransactionFailed?.Invoke(failed);
                    break;
            }
        }
        catch (Exception ex) when (Options.HandlerFaults == HandlerFaultPolicy.Contain && ex is not (OutOfMemoryException or InvariantException))
        {
            // A server on real sockets goes on past a handler bug: counted, kept, said in the trace.
            HandlerFaults++;
            LastHandlerFault = ex;
            if (_trace.IsEnabled) _trace.Record("sip." + Options.Name, "handler fault: " + ex.GetType().Name + ": " + ex.Message);
        }
    }

    private sealed record ClientCallbacks(Action<SipResponse>? OnResponse, Action<SipTransactionFailure>? OnFailure);
}
