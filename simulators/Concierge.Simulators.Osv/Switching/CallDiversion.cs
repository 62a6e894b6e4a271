using Concierge.Csta.Messages;

namespace Concierge.Simulators.Osv.Switching;

/// <summary>One forwarding a call went through: the subscriber that forwarded it and the CSTA cause (immediate, busy, no answer).</summary>
internal sealed record CallDiversion(string From, EventCause Cause)
{
    /// <summary>The RFC 5806 reason for this forwarding.</summary>
    public string SipReason =>
        Cause == EventCause.CallForwardImmediate ? "unconditional"
        : Cause == EventCause.CallForwardBusy ? "user-busy"
        : Cause == EventCause.CallForwardNoAnswer ? "no-answer"
        : "unknown";
}
