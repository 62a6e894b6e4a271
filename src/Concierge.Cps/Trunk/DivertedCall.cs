using Concierge.Config.Numbers;
using Concierge.Sip.Headers;
using Concierge.Sip.Message;

namespace Concierge.Cps.Trunk;

/// <summary>
/// What an incoming INVITE says about forwarding before it reached the CPS: whether the PBX diverted it (Diversion,
/// RFC 5806, or History-Info, RFC 7044) and the office user it was first meant for (C 4.3.4: an intercept call).
/// </summary>
public readonly record struct DivertedCall(bool WasDiverted, E164Number? MeantFor)
{
    public static DivertedCall Of(SipRequest invite)
    {
        var diversions = invite.GetDiversions();
        if (diversions.Count > 0)
            return new DivertedCall(true, UserPartNumber.Of(diversions[^1].Uri.User)); // the oldest entry: the user first called
        var history = invite.GetHistoryInfo();
        if (history.Count > 0)
        {
            var first = UserPartNumber.Of(history[0].Address.Uri.User);
            return new DivertedCall(true, first is { } f && f != UserPartNumber.Of(invite.RequestUri.User) ? f : null);
        }
        var present = invite.Headers.TryGetFirst(SipHeaderNames.Diversion, out _) || invite.Headers.TryGetFirst(SipHeaderNames.HistoryInfo, out _);
        return new DivertedCall(present, null); // present but unreadable: still a diverted call, for nobody we know
    }
}
