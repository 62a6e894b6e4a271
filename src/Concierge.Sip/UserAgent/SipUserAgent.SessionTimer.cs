using Concierge.Runtime.Loop;
using Concierge.Sip.Headers;
using Concierge.Sip.Message;
using Concierge.Sip.Transactions;

namespace Concierge.Sip.UserAgent;

/// <summary>
/// Session timers (RFC 4028): 422 with Min-SE for too short intervals, negotiation of interval and refresher,
/// refresh at half the interval by the refresher, BYE by the other side when no refresh came in time.
/// </summary>
public sealed partial class SipUserAgent
{
    private bool RejectForSessionTimer(SipRequest request, SipServerTransaction transaction)
    {
        if (!SipSessionExpires.TryParse(request.Headers.GetFirst(SipHeaderNames.SessionExpires), out var requested) || requested is null) return false;
        var minimum = Options.SessionTimer.MinimumInterval;
        if (requested.Interval >= minimum) return false;
        var tooBrief = SipResponse.CreateFor(request, 422);
        tooBrief.Headers.Add(SipHeaderNames.MinSe, Seconds(minimum));
        _stack.SendResponse(transaction, tooBrief);
        return true;
    }

    /// <summary>UAS: decides interval and refresher for the 2xx to the initial INVITE.</summary>
    private void AddSessionTimerToAnswer(SipCall call, SipResponse response)
    {
        var invite = call.Invite;
        var uacSupportsTimer = invite.Headers.GetValues(SipHeaderNames.Supported).Any(v => v.Trim().Equals("timer", StringComparison.OrdinalIgnoreCase));
        SipSessionExpires chosen;
        if (SipSessionExpires.TryParse(invite.Headers.GetFirst(SipHeaderNames.SessionExpires), out var requestedValue) && requestedValue is { } requested)
        {
            var refresher = requested.Refresher ?? (uacSupportsTimer ? "uac" : "uas");
            if (!uacSupportsTimer) refresher = "uas";
            chosen = new SipSessionExpires(requested.Interval, refresher);
        }
        else if (Options.SessionTimer.Enabled)
        {
            chosen = new SipSessionExpires(Options.SessionTimer.Interval, "uas");
        }
        else
        {
            return;
        }
        response.Headers.Add(SipHeaderNames.SessionExpires, chosen.ToString());
        if (chosen.Refresher == "uac") response.Headers.Add(SipHeaderNames.Require, "timer");
        call.SessionInterval = chosen.Interval;
        call.IsSessionRefresher = chosen.Refresher == "uas";
    }

    /// <summary>UAC: reads the 2xx's Session-Expires and starts the timer.</summary>
    private void StartSessionTimerAsUac(SipCall call, SipResponse response)
    {
        if (!SipSessionExpires.TryParse(response.Headers.GetFirst(SipHeaderNames.SessionExpires), out var granted) || granted is null) return;
        call.SessionInterval = granted.Interval;
        call.IsSessionRefresher = granted.Refresher != "uas";
        StartSessionTimer(call);
    }

    private void StartSessionTimer(SipCall call)
    {
        call.SessionTimer?.Dispose();
        call.SessionTimer = null;
        if (call.SessionInterval is not { } interval || interval <= TimeSpan.Zero || call.IsEnded) return;
        if (call.IsSessionRefresher)
        {
            call.SessionTimer = Loop.ScheduleAfter(interval / 2, () => RefreshSession(call));
        }
        else
        {
            var margin = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(32).Ticks, interval.Ticks / 3));
            call.SessionTimer = Loop.ScheduleAfter(interval - margin, () => Bye(call, SipCallEndReason.SessionExpired));
        }
    }

    private void RefreshSession(SipCall call)
    {
        if (call.IsEnded) return;
        if (!Reoffer(call, call.LocalSdp, Options.SessionTimer.RefreshWithUpdate))
        {
            // Another offer is outstanding: try again shortly; its own 2xx also counts as a refresh.
            call.SessionTimer = Loop.ScheduleAfter(Timers.T2, () => RefreshSession(call));
        }
    }

    /// <summary>Adds Session-Expires (we stay refresher → refresher=uac in our request) to a re-INVITE/UPDATE we send.</summary>
    private void AddSessionTimerToRefresh(SipCall call, SipRequest request)
    {
        if (call.SessionInterval is not { } interval) return;
        request.Headers.Add(SipHeaderNames.Supported, "timer");
        request.Headers.Add(SipHeaderNames.SessionExpires, new SipSessionExpires(interval, call.IsSessionRefresher ? "uac" : "uas").ToString());
        request.Headers.Add(SipHeaderNames.MinSe, Seconds(Options.SessionTimer.MinimumInterval));
    }

    /// <summary>Our re-INVITE/UPDATE got a 2xx: the session is refreshed (with the interval the answer names).</summary>
    private void OnSessionRefreshed(SipCall call, SipResponse response)
    {
        if (call.SessionInterval is null) return;
        if (SipSessionExpires.TryParse(response.Headers.GetFirst(SipHeaderNames.SessionExpires), out var grantedValue) && grantedValue is { } granted)
        {
            call.SessionInterval = granted.Interval;
            call.IsSessionRefresher = granted.Refresher != "uas";
        }
        call.SessionRefreshes++;
        StartSessionTimer(call);
    }

    /// <summary>The peer sent a re-INVITE/UPDATE: it refreshes the session; echo the interval and roles.</summary>
    private void OnSessionRefreshReceived(SipCall call, SipRequest request, SipResponse response)
    {
        if (SipSessionExpires.TryParse(request.Headers.GetFirst(SipHeaderNames.SessionExpires), out var requestedValue) && requestedValue is { } requested)
        {
            var refresher = requested.Refresher ?? (call.IsSessionRefresher ? "uas" : "uac");
            call.SessionInterval = requested.Interval;
            call.IsSessionRefresher = refresher == "uas";
            response.Headers.Add(SipHeaderNames.SessionExpires, new SipSessionExpires(requested.Interval, refresher).ToString());
            if (refresher == "uac") response.Headers.Add(SipHeaderNames.Require, "timer");
        }
        if (call.SessionInterval is null) return;
        call.SessionRefreshes++;
        StartSessionTimer(call);
    }

}
