namespace Concierge.Sip.Dialogs;

/// <summary>Dialog states of RFC 3261 §12: early (from a provisional with a To tag), confirmed (2xx), terminated.</summary>
public enum SipDialogState
{
    /// <summary>Created by a 1xx with a To tag; may still fail.</summary>
    Early,

    /// <summary>Created or promoted by a 2xx.</summary>
    Confirmed,

    /// <summary>Ended by BYE, a failure response or a timeout.</summary>
    Terminated,
}
