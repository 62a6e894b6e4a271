namespace Concierge.Sip.UserAgent;

/// <summary>Where a call is in its life, from either side.</summary>
public enum SipCallState
{
    /// <summary>Outgoing INVITE sent, no provisional yet; or incoming INVITE not yet answered with 180.</summary>
    Calling,

    /// <summary>A provisional (180/183) was received or sent: early dialog.</summary>
    Ringing,

    /// <summary>Incoming call answered with 2xx, waiting for the ACK.</summary>
    Answering,

    /// <summary>Confirmed dialog: talking (possibly on hold).</summary>
    Established,

    /// <summary>BYE or CANCEL sent, waiting for it to finish.</summary>
    Terminating,

    /// <summary>Over; see <see cref="SipCall.EndReason"/>.</summary>
    Ended,
}
