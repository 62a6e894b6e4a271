using Concierge.Sip.Headers;

namespace Concierge.Sip.Dialogs;

/// <summary>Connects the Replaces header (RFC 3891) to dialogs: to-tag is the receiver's local tag, from-tag its remote tag.</summary>
public static class SipReplacesDialog
{
    /// <summary>The Replaces value that names <paramref name="dialog"/> for its peer (what the peer will look up).</summary>
    public static SipReplaces ForPeerOf(SipDialog dialog) => new(dialog.Id.CallId, dialog.Id.RemoteTag, dialog.Id.LocalTag);

    /// <summary>The id of the dialog <paramref name="replaces"/> names, as its receiver keeps it.</summary>
    public static SipDialogId ReceiverDialogId(this SipReplaces replaces) => new(replaces.CallId, replaces.ToTag, replaces.FromTag);
}
