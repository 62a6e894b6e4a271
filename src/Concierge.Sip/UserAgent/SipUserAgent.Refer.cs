using System.Globalization;
using System.Text;
using Concierge.Sip.Dialogs;
using Concierge.Sip.Headers;
using Concierge.Sip.Message;
using Concierge.Sip.Transactions;

namespace Concierge.Sip.UserAgent;

/// <summary>Call transfer: REFER and its NOTIFY progress (RFC 3515), Replaces for attended transfer (RFC 3891).</summary>
public sealed partial class SipUserAgent
{
    private static readonly SipMediaType SipFrag = new("message", "sipfrag", SipParameters.Of(new SipParameter("version", "2.0")));

    /// <summary>
    /// Asks the peer of <paramref name="call"/> to call <paramref name="target"/> (blind transfer), or to replace
    /// <paramref name="replaces"/> — a call we have with the target — by a call to it (attended transfer).
    /// Progress arrives as ReferProgress (202 first, then the NOTIFY statuses; 408 when the REFER got no answer).
    /// </summary>
    public bool Refer(SipCall call, SipUri target, SipCall? replaces = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(target);
        if (call.State != SipCallState.Established || DialogHop(call) is not { } destination) return false;
        var referTo = target;
        var refer = call.Dialog!.CreateRequest(SipMethod.Refer, NewVia(destination));
        refer.Headers.Add(SipHeaderNames.Contact, ContactFor(destination.Protocol).ToString());
        refer.SetReferTo(referTo, replaces?.Dialog is { } replacedDialog ? SipReplacesDialog.ForPeerOf(replacedDialog) : null);
        if (call.LocalParty is { } local) refer.Headers.Add(SipHeaderNames.ReferredBy, new NameAddress(local.Uri, local.DisplayName).ToString());
        // A REFER that gets no answer at all ends as 408, so that the referrer always learns how its REFER ended.
        SendInDialog(call, refer, destination, response => ReferProgress?.Invoke(call, response.StatusCode), () => ReferProgress?.Invoke(call, 408));
        return true;
    }

    /// <summary>
    /// Tells the referrer how the call it asked for is going: a NOTIFY whose sipfrag body is the status line
    /// (100, 180, 200, 486 …); a final status ends the implicit subscription.
    /// </summary>
    public void NotifyReferProgress(SipReferSubscription refer, int status, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(refer);
        var call = refer.Call;
        if (refer.IsTerminated || call.IsEnded || call.Dialog is not { } dialog || DialogHop(call) is not { } destination) return;
        var final = status >= 200;
        var notify = dialog.CreateRequest(SipMethod.Notify, NewVia(destination));
        notify.Headers.Add(SipHeaderNames.Contact, ContactFor(destination.Protocol).ToString());
        notify.Headers.Add(SipHeaderNames.Event, "refer");
        notify.Headers.Add(SipHeaderNames.SubscriptionState, final ? "terminated;reason=noresource" : "active;expires=60");
        var frag = string.Create(CultureInfo.InvariantCulture, $"SIP/2.0 {status} {reason ?? SipStatusCodes.ReasonPhrase(status)}\r\n");
        notify.SetBody(SipFrag, Encoding.UTF8.GetBytes(frag));
        if (final) refer.IsTerminated = true;
        _stack.SendRequest(notify, destination, null);
    }

    private void OnRefer(SipCall call, SipRequest request, SipServerTransaction transaction)
    {
        if (!request.TryGetNameAddresses(SipHeaderNames.ReferTo, out var referTo) || referTo.Count != 1)
        {
            _stack.SendResponse(transaction, SipResponse.CreateFor(request, 400, "Bad Refer-To"));
            return;
        }
        var subscription = new SipReferSubscription(call, request, referTo[0]);
        if (ScreenRefer?.Invoke(call, subscription) is { } verdict and not 202)
        {
            var refused = SipResponse.CreateFor(request, verdict);
            if (request.To is { } refusedTo) refused.To = refusedTo.WithTag(call.LocalTag);
            _stack.SendResponse(transaction, refused);
            return;
        }
        var accepted = SipResponse.CreateFor(request, 202);
        if (request.To is { } to) accepted.To = to.WithTag(call.LocalTag);
        accepted.Headers.Add(SipHeaderNames.Contact, ContactFor(transaction.Peer.Protocol).ToString());
        _stack.SendResponse(transaction, accepted);
        call.IncomingRefer = subscription;
        NotifyReferProgress(subscription, 100);
        ReferReceived?.Invoke(subscription);
    }

    private void OnNotify(SipCall call, SipRequest request, SipServerTransaction transaction)
    {
        _stack.SendResponse(transaction, SipResponse.CreateFor(request, 200));
        var eventName = request.Headers.GetFirst(SipHeaderNames.Event)?.Split(';')[0].Trim();
        if (!string.Equals(eventName, "refer", StringComparison.OrdinalIgnoreCase)) return;
        var frag = Encoding.UTF8.GetString(request.Body.Span);
        var parts = frag.Split(' ', 3);
        if (parts.Length >= 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
            ReferProgress?.Invoke(call, status);
    }
}
