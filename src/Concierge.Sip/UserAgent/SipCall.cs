using Concierge.Sip.Dialogs;
using Concierge.Sip.Message;
using Concierge.Sip.Transactions;
using Concierge.Sip.Transport;

namespace Concierge.Sip.UserAgent;

/// <summary>
/// One call as a <see cref="SipUserAgent"/> sees it: the INVITE that started it, its dialog, the SDP each side
/// offered last, hold state and how it ended. Read it freely; change it only through the user agent's methods.
/// </summary>
public sealed class SipCall
{
    internal SipCall(SipUserAgent owner, bool isOutgoing, SipRequest invite, string localTag)
    {
        Owner = owner;
        IsOutgoing = isOutgoing;
        Invite = invite;
        LocalTag = localTag;
        CallId = invite.CallId ?? string.Empty;
    }

    /// <summary>The user agent this call belongs to.</summary>
    public SipUserAgent Owner { get; }

    /// <summary>True when we sent the INVITE.</summary>
    public bool IsOutgoing { get; }

    /// <summary>The initial INVITE (the last one sent, after a 422 or auth retry).</summary>
    public SipRequest Invite { get; internal set; }

    /// <summary>The Call-ID.</summary>
    public string CallId { get; }

    /// <summary>Our tag.</summary>
    public string LocalTag { get; }

    /// <summary>The state.</summary>
    public SipCallState State { get; internal set; } = SipCallState.Calling;

    /// <summary>The dialog once a response with a To tag was sent or received.</summary>
    public SipDialog? Dialog { get; internal set; }

    /// <summary>The peer: To of an outgoing call, From of an incoming one.</summary>
    public NameAddress? RemoteParty => Dialog?.RemoteParty ?? (IsOutgoing ? Invite.To : Invite.From);

    /// <summary>Us: From of an outgoing call, To of an incoming one.</summary>
    public NameAddress? LocalParty => Dialog?.LocalParty ?? (IsOutgoing ? Invite.From : Invite.To);

    /// <summary>The SDP we sent last (offer or answer).</summary>
    public ReadOnlyMemory<byte> LocalSdp { get; internal set; }

    /// <summary>The SDP the peer sent last.</summary>
    public ReadOnlyMemory<byte> RemoteSdp { get; internal set; }

    /// <summary>True while we hold the call (our offer is sendonly/inactive).</summary>
    public bool IsHeldLocally { get; internal set; }

    /// <summary>True while the peer holds the call (its last offer was sendonly/inactive).</summary>
    public bool IsHeldRemotely { get; internal set; }

    /// <summary>The final status of the initial INVITE (sent or received), 0 before it.</summary>
    public int FinalStatus { get; internal set; }

    /// <summary>The 3xx–6xx final response our INVITE got (e.g. a 302's Contact), or null.</summary>
    public SipResponse? FailureResponse { get; internal set; }

    /// <summary>Why the call ended, once <see cref="State"/> is Ended.</summary>
    public SipCallEndReason? EndReason { get; internal set; }

    /// <summary>The BYE or CANCEL the peer ended the call with (to relay Reason and similar headers), or null.</summary>
    public SipRequest? EndingRequest { get; internal set; }

    /// <summary>For an incoming INVITE with Replaces: the call it replaces (RFC 3891).</summary>
    public SipCall? Replaces { get; internal set; }

    /// <summary>The negotiated session interval (RFC 4028), or null without a session timer.</summary>
    public TimeSpan? SessionInterval { get; internal set; }

    /// <summary>True when we refresh the session; false when the peer does (and we watch for expiry).</summary>
    public bool IsSessionRefresher { get; internal set; }

    /// <summary>Session refreshes completed (sent by the refresher or received by the other side).</summary>
    public int SessionRefreshes { get; internal set; }

    /// <summary>Free slot for the application (e.g. the CPS leg).</summary>
    public object? UserState { get; set; }

    /// <summary>True once ended.</summary>
    public bool IsEnded => State == SipCallState.Ended;

    internal SipEndPoint? Destination { get; set; }
    internal SipClientTransaction? InviteTransaction { get; set; }
    internal SipServerTransaction? ServerTransaction { get; set; }
    internal bool CancelPending { get; set; }
    internal bool CancelSent { get; set; }
    internal bool ProvisionalReceived { get; set; }
    internal SipRequest? Ack { get; set; }
    internal SipRequest? ReinviteAck { get; set; }
    internal SipResponse? PendingSuccess { get; set; }
    internal ITimer? SuccessRetransmitTimer { get; set; }
    internal ITimer? SessionTimer { get; set; }
    internal ITimer? GuardTimer { get; set; }
    internal bool ReinviteInProgress { get; set; }
    internal ReadOnlyMemory<byte>? QueuedOffer { get; set; }
    internal bool QueuedOfferUsesUpdate { get; set; }
    internal SipReferSubscription? IncomingRefer { get; set; }
    internal int SessionTimerRetries { get; set; }
    internal int AuthAttempts { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{(IsOutgoing ? "out" : "in")} {CallId} {State}";
}
