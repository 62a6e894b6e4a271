using System.Globalization;
using Concierge.Sip.Headers;
using Concierge.Sip.Message;

namespace Concierge.Sip.Transactions;

/// <summary>
/// Transaction identity (RFC 3261 §17.1.3, §17.2.3): branch + sent-by + method for RFC 3261 peers, the RFC 2543
/// tuple (Request-URI, From tag, Call-ID, CSeq, top Via) otherwise. ACK and CANCEL look up their INVITE's key.
/// </summary>
public static class SipTransactionKey
{
    /// <summary>The server-side key of a request, with <paramref name="methodOverride"/> replacing its method; null when core headers are missing.</summary>
    public static string? ForServer(SipRequest request, string? methodOverride = null)
    {
        var via = request.TopVia;
        var cseq = request.CSeq;
        if (via is null || cseq is null) return null;
        var method = methodOverride ?? (request.Method == SipMethod.Ack ? SipMethod.Invite : request.Method);
        if (via.HasRfc3261Branch && via.Branch!.Length > SipVia.BranchCookie.Length)
        {
            return string.Concat(via.Branch, "|", via.SentBy.ToLowerInvariant(), "|", method);
        }
        var callId = request.CallId;
        var from = request.From;
        if (callId is null || from is null) return null;
        return string.Join('|', "2543", request.RequestUriText, from.Tag ?? string.Empty, callId,
            cseq.Value.Number.ToString(CultureInfo.InvariantCulture), via.SentBy.ToLowerInvariant(), via.Branch ?? string.Empty, method);
    }

    /// <summary>The client-side key: the branch we put in the top Via and the CSeq method.</summary>
    public static string? ForClient(SipMessage message)
    {
        var branch = message.TopVia?.Branch;
        var method = message.CSeq?.Method;
        if (branch is null || method is null) return null;
        return branch + "|" + method;
    }
}
