using Concierge.Sip.Message;
using Concierge.Sip.Transport;

namespace Concierge.Sip.Transactions;

/// <summary>What client and server transactions share: key, request, peer, state and armed timers.</summary>
public abstract class SipTransaction
{
    private ArmedTimers _armed; // due time (UTC ticks) of each armed timer, 0 when not armed

    static SipTransaction()
    {
        if (Enum.GetValues<SipTransactionTimer>().Length != ArmedTimers.Length)
            throw new InvalidOperationException("ArmedTimers.Length must equal the number of SipTransactionTimer values");
    }

    private protected SipTransaction(SipTransactionLayer layer, string key, SipRequest request, SipEndPoint peer)
    {
        Layer = layer;
        Key = key;
        Request = request;
        Peer = peer;
        IsInvite = request.Method == SipMethod.Invite;
    }

    /// <summary>The identity the layer matches messages by.</summary>
    public string Key { get; }

    /// <summary>The request that created the transaction.</summary>
    public SipRequest Request { get; }

    /// <summary>The other side: where requests go (client) or where the request came from (server).</summary>
    public SipEndPoint Peer { get; }

    /// <summary>True for the INVITE machines.</summary>
    public bool IsInvite { get; }

    /// <summary>The current state.</summary>
    public SipTransactionState State { get; private protected set; }

    /// <summary>The last response received (client) or sent (server).</summary>
    public SipResponse? LastResponse { get; private protected set; }

    /// <summary>Free slot for the transaction user (e.g. the call a transaction belongs to).</summary>
    public object? UserState { get; set; }

    /// <summary>Slot for the layer's driver (the callbacks a client transaction reports to).</summary>
    internal object? DriverState { get; set; }

    /// <summary>True once terminated.</summary>
    public bool IsTerminated => State == SipTransactionState.Terminated;

    private protected SipTransactionLayer Layer { get; }

    private protected SipTimerSettings Timers => Layer.Settings;

    internal bool IsArmed(SipTransactionTimer timer, DateTimeOffset due) => _armed[(int)timer] != 0 && _armed[(int)timer] == due.UtcTicks;

    private protected void Arm(SipTransactionTimer timer, TimeSpan delay, DateTimeOffset now)
    {
        var due = now + delay;
        _armed[(int)timer] = due.UtcTicks;
        Layer.Schedule(this, timer, due);
    }

    private protected void Disarm(SipTransactionTimer timer) => _armed[(int)timer] = 0;

    internal void Fire(SipTransactionTimer timer, DateTimeOffset now)
    {
        _armed[(int)timer] = 0;
        if (!IsTerminated) OnTimer(timer, now);
    }

    private protected abstract void OnTimer(SipTransactionTimer timer, DateTimeOffset now);

    /// <summary>Called by the layer when the transport could not deliver one of this transaction's messages.</summary>
    internal void OnTransportError()
    {
        if (IsTerminated) return;
        Terminate();
        Layer.Emit(new SipTransactionFailed(this, SipTransactionFailure.TransportError));
    }

    private protected void Terminate()
    {
        if (IsTerminated) return;
        State = SipTransactionState.Terminated;
        ((Span<long>)_armed).Clear();
        Layer.Forget(this);
    }

    /// <summary>Waits <paramref name="delay"/> in the current state, or terminates at once when it is zero.</summary>
    private protected void LingerOrTerminate(SipTransactionTimer timer, TimeSpan delay, DateTimeOffset now)
    {
        if (delay <= TimeSpan.Zero) Terminate();
        else Arm(timer, delay, now);
    }

    /// <inheritdoc />
    public override string ToString() => $"{GetType().Name}({Request.Method} {Key} {State})";
}

/// <summary>One slot per <see cref="SipTransactionTimer"/>, stored inside the transaction (no array per transaction).</summary>
[System.Runtime.CompilerServices.InlineArray(Length)]
internal struct ArmedTimers
{
    /// <summary>The number of transaction timers (checked against the enum when the first transaction is made).</summary>
    public const int Length = 13;

    private long _first;
}
