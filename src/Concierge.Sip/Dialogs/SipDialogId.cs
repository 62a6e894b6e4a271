namespace Concierge.Sip.Dialogs;

/// <summary>A dialog's identity from this side: Call-ID, local tag, remote tag (RFC 3261 §12).</summary>
public readonly record struct SipDialogId(string CallId, string LocalTag, string RemoteTag)
{
    /// <inheritdoc />
    public override string ToString() => $"{CallId};local={LocalTag};remote={RemoteTag}";
}
