using Concierge.Sip.Headers;
using Concierge.Sip.Message;

namespace Concierge.Sip.Dialogs;

/// <summary>
/// The state RFC 3261 §12 keeps per dialog: identity, local/remote URIs, remote target, route set and CSeq numbers;
/// builds in-dialog requests with loose or strict routing (§12.2.1.1) and checks received CSeq order (§12.2.2).
/// </summary>
public sealed class SipDialog
{
    private SipDialog(SipDialogId id, NameAddress local, NameAddress remote, SipUri remoteTarget, IReadOnlyList<NameAddress> routeSet,
        uint localSequence, uint? remoteSequence, bool isUac, SipDialogState state)
    {
        Id = id;
        LocalParty = local;
        RemoteParty = remote;
        RemoteTarget = remoteTarget;
        RouteSet = routeSet;
        LocalSequence = localSequence;
        RemoteSequence = remoteSequence;
        IsUac = isUac;
        State = state;
    }

    /// <summary>Call-ID and tags.</summary>
    public SipDialogId Id { get; private set; }

    /// <summary>Our From (UAC) or To (UAS), with our tag.</summary>
    public NameAddress LocalParty { get; }

    /// <summary>The peer's address with its tag.</summary>
    public NameAddress RemoteParty { get; private set; }

    /// <summary>The peer's Contact: the Request-URI of in-dialog requests; updated by target refresh requests.</summary>
    public SipUri RemoteTarget { get; private set; }

    /// <summary>The Route headers for in-dialog requests, in order.</summary>
    public IReadOnlyList<NameAddress> RouteSet { get; private set; }

    /// <summary>The CSeq number of the last request we sent in the dialog.</summary>
    public uint LocalSequence { get; private set; }

    /// <summary>The CSeq number of the last request the peer sent, or null before the first.</summary>
    public uint? RemoteSequence { get; private set; }

    /// <summary>True on the side that sent the initial INVITE.</summary>
    public bool IsUac { get; }

    /// <summary>Early, confirmed or terminated.</summary>
    public SipDialogState State { get; private set; }

    /// <summary>The dialog a UAC creates from a response with a To tag to its INVITE (§12.1.2).</summary>
    public static SipDialog? FromUacResponse(SipRequest invite, SipResponse response)
    {
        var to = response.To;
        var from = invite.From;
        var callId = invite.CallId;
        if (to?.Tag is not { } remoteTag || from?.Tag is not { } localTag || callId is null || invite.CSeq is not { } cseq) return null;
        var routes = response.RecordRoutes.Reverse().ToList();
        var target = response.Contact?.Uri ?? invite.RequestUri;
        return new SipDialog(new SipDialogId(callId, localTag, remoteTag), from, to, target, routes, cseq.Number, null, isUac: true,
            response.IsSuccess ? SipDialogState.Confirmed : SipDialogState.Early);
    }

    /// <summary>The dialog a UAS creates when it answers <paramref name="invite"/> with <paramref name="localTag"/> (§12.1.1).</summary>
    public static SipDialog? FromUasRequest(SipRequest invite, string localTag, bool confirmed)
    {
        var from = invite.From;
        var to = invite.To;
        var callId = invite.CallId;
        if (from is null || to is null || callId is null || invite.CSeq is not { } cseq) return null;
        var target = invite.Contact?.Uri ?? from.Uri;
        return new SipDialog(new SipDialogId(callId, localTag, from.Tag ?? string.Empty), to.WithTag(localTag), from, target, invite.RecordRoutes.ToList(),
            0, cseq.Number, isUac: false, confirmed ? SipDialogState.Confirmed : SipDialogState.Early);
    }

    /// <summary>Promotes an early dialog on a 2xx; refreshes the target and (UAC) the route set from it.</summary>
    public void Confirm(SipResponse? response = null)
    {
        if (State == SipDialogState.Terminated) return;
        if (response is not null && IsUac && State == SipDialogState.Early)
        {
            RouteSet = response.RecordRoutes.Reverse().ToList();
            if (response.Contact?.Uri is { } target) RemoteTarget = target;
            if (response.To is { } to) RemoteParty = to;
        }
        State = SipDialogState.Confirmed;
    }

    /// <summary>Marks the dialog ended.</summary>
    public void Terminate() => State = SipDialogState.Terminated;

    /// <summary>Takes the Contact of a target refresh request or its 2xx (re-INVITE, UPDATE) as the new remote target.</summary>
    public void RefreshTarget(SipMessage message)
    {
        if (message.Contact?.Uri is { } target) RemoteTarget = target;
    }

    /// <summary>
    /// Checks a request the peer sent in this dialog: false when its CSeq is lower than or equal to the last one
    /// (answer 500). ACK and CANCEL reuse the INVITE's number and always pass.
    /// </summary>
    public bool AcceptRemoteSequence(SipRequest request)
    {
        if (request.CSeq is not { } cseq) return false;
        if (request.Method is SipMethod.Ack or SipMethod.Cancel) return true;
        if (RemoteSequence is { } last && cseq.Number <= last) return false;
        RemoteSequence = cseq.Number;
        return true;
    }

    /// <summary>The next CSeq number for a new in-dialog request.</summary>
    public uint NextSequence() => ++LocalSequence;

    /// <summary>
    /// An in-dialog request (§12.2.1.1) with Request-URI and Route from the remote target and route set, From/To
    /// with tags, Call-ID and CSeq; <paramref name="sequence"/> overrides the number (ACK uses the INVITE's).
    /// </summary>
    public SipRequest CreateRequest(string method, SipVia via, uint? sequence = null)
    {
        var number = sequence ?? NextSequence();
        SipUri requestUri;
        IEnumerable<NameAddress> routes;
        if (RouteSet.Count > 0 && !RouteSet[0].Uri.IsLooseRouter)
        {
            requestUri = RouteSet[0].Uri.WithoutHeaders();
            routes = RouteSet.Skip(1).Append(new NameAddress(RemoteTarget));
        }
        else
        {
            requestUri = RemoteTarget.WithoutHeaders();
            routes = RouteSet;
        }
        var request = SipRequest.Create(method, requestUri, LocalParty, RemoteParty, Id.CallId, number, via);
        foreach (var route in routes) request.Headers.Add(SipHeaderNames.Route, route.ToString());
        return request;
    }

    /// <summary>The URI the next hop is taken from: the first route, or the remote target.</summary>
    public SipUri NextHopUri => RouteSet.Count > 0 ? RouteSet[0].Uri : RemoteTarget;
}
