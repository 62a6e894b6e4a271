using Concierge.Sip.Headers;
using Concierge.Sip.Message;
using Concierge.Sip.Transactions;
using Concierge.Sip.Transport;

namespace Concierge.Sip.UserAgent;

/// <summary>Out-of-dialog OPTIONS (RFC 3261 §11): asking a peer what it supports, or whether it is alive.</summary>
public sealed partial class SipUserAgent
{
    /// <summary>
    /// Sends OPTIONS to <paramref name="target"/>; <paramref name="done"/> hears the final status (408 on timeout,
    /// 503 when it could not be sent or routed) and the response when there is one.
    /// </summary>
    public void SendOptions(SipUri target, Action<int, SipResponse?> done, SipEndPoint? destination = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(done);
        var hop = NextHop(target, destination);
        if (hop is null)
        {
            Loop.Post(() => done(503, null));
            return;
        }
        var request = SipRequest.Create(SipMethod.Options, target, DefaultFrom.WithTag(_stack.NewTag()), new NameAddress(target),
            _stack.NewCallId(), 1, NewVia(hop));
        request.Headers.Add(SipHeaderNames.Contact, ContactFor(hop.Protocol).ToString());
        request.Headers.Add("Accept", "application/sdp");
        _stack.SendRequest(request, hop,
            response => { if (response.IsFinal) done(response.StatusCode, response); },
            failure => done(failure == SipTransactionFailure.Timeout ? 408 : 503, null));
    }
}
