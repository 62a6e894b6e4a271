using Concierge.Sip.UserAgent;

namespace Concierge.Simulators.UnifyPhone.Connector;

/// <summary>Where a Unify Phone client call stands.</summary>
public enum ClientCallState
{
    /// <summary>Being set up.</summary>
    Calling,
    /// <summary>Ringing at the client (incoming) or at the far end (outgoing).</summary>
    Ringing,
    /// <summary>Talking.</summary>
    Connected,
    /// <summary>Refused by the system or the connector (see the status and reason).</summary>
    Refused,
    /// <summary>Over.</summary>
    Ended,
}

/// <summary>A call of a Unify Phone client over its system's trunk: incoming (the system rings the client) or outgoing.</summary>
public sealed class ClientCall(string user, string remote, bool incoming, SipCall sip)
{
    /// <summary>The e-mail of the Unify Phone user.</summary>
    public string User { get; } = user;

    /// <summary>The other party's number.</summary>
    public string Remote { get; } = remote;

    /// <summary>True when the system called the client.</summary>
    public bool IsIncoming { get; } = incoming;

    /// <summary>The SIP call on the trunk.</summary>
    public SipCall Sip { get; } = sip;

    /// <summary>The state.</summary>
    public ClientCallState State { get; internal set; } = ClientCallState.Calling;

    /// <summary>The final status when refused.</summary>
    public int RefusalStatus { get; internal set; }

    /// <summary>The reason phrase when refused (the system names the cause).</summary>
    public string? RefusalReason { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{(IsIncoming ? "from" : "to")} {Remote} at {User}: {State}{(RefusalReason is null ? "" : $" ({RefusalStatus} {RefusalReason})")}";
}
