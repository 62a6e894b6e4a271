namespace Concierge.Sip.UserAgent;

/// <summary>Why a call ended.</summary>
public enum SipCallEndReason
{
    /// <summary>We sent BYE.</summary>
    LocalBye,
    /// <summary>The peer sent BYE.</summary>
    RemoteBye,
    /// <summary>We cancelled the outgoing INVITE.</summary>
    LocalCancel,
    /// <summary>The caller cancelled the incoming INVITE.</summary>
    RemoteCancel,
    /// <summary>We rejected the incoming INVITE.</summary>
    Rejected,
    /// <summary>The outgoing INVITE got a failure response (see <see cref="SipCall.FinalStatus"/>).</summary>
    Failed,
    /// <summary>The session timer expired without a refresh (RFC 4028).</summary>
    SessionExpired,
    /// <summary>Our 2xx was never acknowledged.</summary>
    AckTimeout,
    /// <summary>An in-dialog request got 408/481 or could not be delivered: the dialog is gone.</summary>
    DialogLost,
    /// <summary>Another INVITE replaced this call (RFC 3891).</summary>
    Replaced,
    /// <summary>The user agent shut down.</summary>
    Shutdown,
}
