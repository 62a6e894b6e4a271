namespace Concierge.Sip.Transactions;

/// <summary>The RFC 3261 timer base values (§17, Table 4) and the transaction layer's choices.</summary>
public sealed record SipTimerSettings
{
    /// <summary>Default values: T1 500 ms, T2 4 s, T4 5 s, Timer D 32 s, 100 Trying sent at once.</summary>
    public static SipTimerSettings Default { get; } = new();

    /// <summary>RTT estimate; first retransmission interval.</summary>
    public TimeSpan T1 { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest retransmission interval for non-INVITE requests and INVITE responses.</summary>
    public TimeSpan T2 { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Longest time a message stays in the network.</summary>
    public TimeSpan T4 { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Timer D on unreliable transports: how long a completed INVITE client transaction absorbs retransmitted responses.</summary>
    public TimeSpan TimerDUnreliable { get; init; } = TimeSpan.FromSeconds(32);

    /// <summary>
    /// Timer C: how long an INVITE client transaction waits for a final response after a provisional one before it
    /// gives up with a timeout (RFC 3261 §16.6 bound, applied here so no transaction can live forever).
    /// </summary>
    public TimeSpan InviteProceedingTimeout { get; init; } = TimeSpan.FromMinutes(3) + TimeSpan.FromSeconds(1);

    /// <summary>When true an INVITE server transaction sends 100 Trying as soon as it is created.</summary>
    public bool SendTryingImmediately { get; init; } = true;

    /// <summary>Timers B, F, H, J, L, M: 64·T1.</summary>
    public TimeSpan TransactionTimeout => T1 * 64;

    /// <summary>Throws when a value is out of range.</summary>
    public SipTimerSettings Validated()
    {
        if (T1 <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(T1), T1, "T1 must be positive");
        if (T2 < T1) throw new ArgumentOutOfRangeException(nameof(T2), T2, "T2 must be at least T1");
        if (T4 < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(T4), T4, "T4 must be non-negative");
        if (InviteProceedingTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(InviteProceedingTimeout), InviteProceedingTimeout, "must be positive");
        if (TimerDUnreliable < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(TimerDUnreliable), TimerDUnreliable, "must be non-negative");
        return this;
    }
}
