using Concierge.Sip.Headers;
using Concierge.Sip.Message;

namespace Concierge.Sip.UserAgent;

/// <summary>
/// A REFER the peer sent us (RFC 3515): where to call, and the Replaces value if it is an attended transfer
/// (RFC 3891). Report how the new call goes with <see cref="SipUserAgent.NotifyReferProgress"/>.
/// </summary>
public sealed class SipReferSubscription
{
    internal SipReferSubscription(SipCall call, SipRequest refer, NameAddress referTo)
    {
        Call = call;
        Request = refer;
        ReferTo = referTo;
        Target = referTo.Uri.WithoutHeaders();
        var replacesText = referTo.Uri.Headers["Replaces"];
        if (SipReplaces.TryParse(replacesText, out var replaces)) Replaces = replaces;
        ReferredBy = refer.Headers.GetFirst("Referred-By");
    }

    /// <summary>The call (dialog) the REFER arrived in.</summary>
    public SipCall Call { get; }

    /// <summary>The REFER request.</summary>
    public SipRequest Request { get; }

    /// <summary>The Refer-To header value.</summary>
    public NameAddress ReferTo { get; }

    /// <summary>Where to send the new INVITE (Refer-To without its URI headers).</summary>
    public SipUri Target { get; }

    /// <summary>For an attended transfer, the Replaces value to put into the new INVITE.</summary>
    public SipReplaces? Replaces { get; }

    /// <summary>The Referred-By header text, if any.</summary>
    public string? ReferredBy { get; }

    /// <summary>True once a final NOTIFY (status ≥ 200) was sent.</summary>
    public bool IsTerminated { get; internal set; }
}
