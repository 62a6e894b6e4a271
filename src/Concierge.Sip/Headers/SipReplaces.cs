using System.Text;
using Concierge.Sip.Parsing;

namespace Concierge.Sip.Headers;

/// <summary>Replaces (RFC 3891): the dialog to replace by Call-ID, to-tag and from-tag, optionally early-only.</summary>
public sealed record SipReplaces(string CallId, string ToTag, string FromTag, bool EarlyOnly = false)
{
    /// <summary>Parses `callid;to-tag=..;from-tag=..[;early-only]`.</summary>
    public static bool TryParse(string? text, out SipReplaces? value)
    {
        value = null;
        if (!ValueWithParametersGrammar.TryParse(text, ValueWithParametersGrammar.IsCallId, out var callId, out var parameters)
            || parameters["to-tag"] is not { } toTag || parameters["from-tag"] is not { } fromTag)
        {
            return false;
        }
        value = new SipReplaces(callId, toTag, fromTag, parameters.Contains("early-only"));
        return true;
    }

    /// <summary>`callid;to-tag=x;from-tag=y[;early-only]`.</summary>
    public override string ToString()
    {
        var b = new StringBuilder();
        b.Append(CallId).Append(";to-tag=").Append(ToTag).Append(";from-tag=").Append(FromTag);
        if (EarlyOnly)
        {
            b.Append(";early-only");
        }
        return b.ToString();
    }
}
