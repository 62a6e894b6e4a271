using Concierge.Sip.Message;
using Concierge.Sip.Transport;

namespace Concierge.Sip.Transactions;

/// <summary>
/// The RFC 3261 §17 transaction layer, sans-IO in the manner of quinn-proto: feed it received messages, user
/// commands and the time (<c>Handle*</c>, <see cref="HandleTimeout"/>); take out what to send
/// (<see cref="TryPollTransmit"/>), what happened (<see cref="TryPollEvent"/>) and when to call again
/// (<see cref="PollTimeout"/>). It never owns a socket or a clock and never throws on bad input.
/// </summary>
public sealed class SipTransactionLayer
{
    private readonly Dictionary<string, SipClientTransaction> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SipServerTransaction> _servers = new(StringComparer.Ordinal);
    private readonly PriorityQueue<(SipTransaction Transaction, SipTransactionTimer Timer, DateTimeOffset Due), DateTimeOffset> _timers = new();
    private int _clientsPeak, _serversPeak, _timersPeak;

    /// <summary>
    /// A table (client or server transactions, timers) that held more than this many entries gives its room back once
    /// it is empty again: a burst of traffic (a flood of stray requests) does not keep its memory afterwards.
    /// </summary>
    public const int TrimAbove = 1024;

    /// <summary>Room the tables hold now (entries they can take without growing), for memory checks.</summary>
    public int RetainedCapacity => _clients.EnsureCapacity(0) + _servers.EnsureCapacity(0) + _timers.EnsureCapacity(0);
    private readonly Queue<SipTransmit> _transmits = new();
    private readonly Queue<SipTransactionEvent> _events = new();

    /// <summary>Creates a layer with <paramref name="settings"/> (default RFC values) and a bound on live transactions.</summary>
    public SipTransactionLayer(SipTimerSettings? settings = null, int maxTransactions = 200_000)
    {
        Settings = (settings ?? SipTimerSettings.Default).Validated();
        if (maxTransactions <= 0) throw new ArgumentOutOfRangeException(nameof(maxTransactions), maxTransactions, "must be positive");
        MaxTransactions = maxTransactions;
    }

    /// <summary>The timer values in use.</summary>
    public SipTimerSettings Settings { get; }

    /// <summary>Most live transactions; a new request beyond it is answered 503 without state.</summary>
    public int MaxTransactions { get; }

    /// <summary>What happened so far.</summary>
    public SipTransactionCounters Counters { get; } = new();

    /// <summary>Live client transactions.</summary>
    public int ClientCount => _clients.Count;

    /// <summary>Live server transactions.</summary>
    public int ServerCount => _servers.Count;

    /// <summary>Every live transaction (for diagnostics and tests).</summary>
    public IEnumerable<SipTransaction> LiveTransactions => _clients.Values.Concat<SipTransaction>(_servers.Values);

    /// <summary>
    /// Starts a client transaction for <paramref name="request"/> (its top Via must carry a unique RFC 3261 branch)
    /// and queues it for <paramref name="destination"/>. ACK is not a transaction: use <see cref="SendStateless"/>.
    /// </summary>
    public SipClientTransaction SendRequest(SipRequest request, SipEndPoint destination, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method == SipMethod.Ack) throw new ArgumentException("ACK has no client transaction; send it with SendStateless", nameof(request));
        var key = SipTransactionKey.ForClient(request) ?? throw new ArgumentException("request needs a top Via with a branch and a CSeq", nameof(request));
        if (_clients.ContainsKey(key)) throw new ArgumentException($"a client transaction with key {key} already exists", nameof(request));
        var transaction = new SipClientTransaction(this, key, request, destination);
        _clients.Add(key, transaction);
        _clientsPeak = Math.Max(_clientsPeak, _clients.Count);
        Counters.ClientTransactions++;
        transaction.Start(now);
        return transaction;
    }

    /// <summary>Sends a response within <paramref name="transaction"/>; after its final response further ones are dropped and counted.</summary>
    public void SendResponse(SipServerTransaction transaction, SipResponse response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(response);
        transaction.Respond(response, now);
    }

    /// <summary>Queues a message outside any transaction (ACK for 2xx, 2xx retransmissions, stateless rejections).</summary>
    public void SendStateless(SipMessage message, SipEndPoint destination) => Transmit(message, destination, null);

    /// <summary>Takes in a received request: matches it to a server transaction or creates one.</summary>
    public void HandleRequest(SipRequest request, SipEndPoint source, DateTimeOffset now)
    {
        var key = SipTransactionKey.ForServer(request);
        if (key is null)
        {
            Counters.Unmatchable++;
            return;
        }
        _servers.TryGetValue(key, out var existing);
        if (request.Method == SipMethod.Ack)
        {
            if (existing is not null && existing.IsInvite && existing.OnAck(now)) return;
            Emit(new SipRequestReceived(request, source, existing is { State: SipTransactionState.Accepted } ? existing : null));
            return;
        }
        if (existing is not null)
        {
            existing.OnRetransmittedRequest(request);
            return;
        }
        if (_servers.Count + _clients.Count >= MaxTransactions)
        {
            var busy = SipResponse.CreateFor(request, 503);
            busy.Headers.Add("Retry-After", "5");
            SendStateless(busy, request.TopVia is { } via ? SipResponseRouting.Destination(via, source) : source);
            Counters.Unmatchable++;
            return;
        }
        var transaction = new SipServerTransaction(this, key, request, source);
        _servers.Add(key, transaction);
        _serversPeak = Math.Max(_serversPeak, _servers.Count);
        Counters.ServerTransactions++;
        transaction.Start(now);
        Emit(new SipRequestReceived(request, source, transaction));
    }

    /// <summary>Takes in a received response: passes it to its client transaction, or up as stray.</summary>
    public void HandleResponse(SipResponse response, SipEndPoint source, DateTimeOffset now)
    {
        var key = SipTransactionKey.ForClient(response);
        if (key is not null && _clients.TryGetValue(key, out var transaction))
        {
            transaction.OnResponse(response, source, now);
            return;
        }
        Counters.StrayResponses++;
        Emit(new SipResponseReceived(response, source, null));
    }

    /// <summary>Takes in a received message of either kind.</summary>
    public void HandleMessage(SipMessage message, SipEndPoint source, DateTimeOffset now)
    {
        if (message is SipRequest request) HandleRequest(request, source, now);
        else if (message is SipResponse response) HandleResponse(response, source, now);
    }

    /// <summary>The transport failed to deliver a message of <paramref name="transaction"/>.</summary>
    public void HandleTransportError(SipTransaction transaction, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        transaction.OnTransportError();
    }

    /// <summary>Runs every timer due at or before <paramref name="now"/>.</summary>
    public void HandleTimeout(DateTimeOffset now)
    {
        var bound = _timers.Count + 16;
        while (bound-- > 0 && _timers.TryPeek(out var entry, out var due) && due <= now)
        {
            _timers.Dequeue();
            if (entry.Transaction.IsArmed(entry.Timer, entry.Due)) entry.Transaction.Fire(entry.Timer, now);
        }
        TrimTimersWhenEmpty();
    }

    /// <summary>The earliest instant a timer is due, or null when none is armed.</summary>
    public DateTimeOffset? PollTimeout()
    {
        while (_timers.TryPeek(out var entry, out var due))
        {
            if (entry.Transaction.IsArmed(entry.Timer, entry.Due)) return due;
            _timers.Dequeue();
        }
        TrimTimersWhenEmpty();
        return null;
    }

    /// <summary>Takes the next message to send.</summary>
    public bool TryPollTransmit(out SipTransmit transmit) => _transmits.TryDequeue(out transmit!);

    /// <summary>Takes the next event for the user.</summary>
    public bool TryPollEvent(out SipTransactionEvent transactionEvent) => _events.TryDequeue(out transactionEvent!);

    /// <summary>The INVITE server transaction a CANCEL (or any request with the INVITE's branch) refers to.</summary>
    public SipServerTransaction? FindInviteTransaction(SipRequest request)
    {
        var key = SipTransactionKey.ForServer(request, SipMethod.Invite);
        return key is not null && _servers.TryGetValue(key, out var transaction) && transaction.IsInvite ? transaction : null;
    }

    internal void Schedule(SipTransaction transaction, SipTransactionTimer timer, DateTimeOffset due)
    {
        _timers.Enqueue((transaction, timer, due), due);
        _timersPeak = Math.Max(_timersPeak, _timers.Count);
    }

    internal void Transmit(SipMessage message, SipEndPoint destination, SipTransaction? transaction) =>
        _transmits.Enqueue(new SipTransmit(message, destination, transaction));

    internal void Emit(SipTransactionEvent transactionEvent) => _events.Enqueue(transactionEvent);

    internal void Forget(SipTransaction transaction)
    {
        if (transaction is SipClientTransaction client && _clients.TryGetValue(client.Key, out var c) && ReferenceEquals(c, client))
        {
            _clients.Remove(client.Key);
            if (_clients.Count == 0 && _clientsPeak > TrimAbove)
            {
                _clients.TrimExcess();
                _clientsPeak = 0;
            }
        }
        else if (transaction is SipServerTransaction server && _servers.TryGetValue(server.Key, out var s) && ReferenceEquals(s, server))
        {
            _servers.Remove(server.Key);
            if (_servers.Count == 0 && _serversPeak > TrimAbove)
            {
                _servers.TrimExcess();
                _serversPeak = 0;
            }
        }
    }

    private void TrimTimersWhenEmpty()
    {
        if (_timers.Count > 0 || _timersPeak <= TrimAbove) return;
        _timers.TrimExcess();
        _timersPeak = 0;
    }
}
