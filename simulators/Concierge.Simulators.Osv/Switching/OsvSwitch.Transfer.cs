using System.Net;
using Concierge.Csta.Messages;
using Concierge.Simulators.Phones.Sip;
using Concierge.Sip.Dialogs;
using Concierge.Sip.Message;
using Concierge.Sip.Transport;
using Concierge.Sip.UserAgent;

namespace Concierge.Simulators.Osv.Switching;

public sealed partial class OsvSwitch
{
    /// <summary>Joins and transfers done (REFER/Replaces joins and CSTA TransferCall).</summary>
    public int JoinCount { get; private set; }

    /// <summary>Takes a REFER (202) only when it can be carried out: a blind transfer of a bridged call, or Replaces naming one of our dialogs.</summary>
    private int ScreenRefer(SipCall leg, SipReferSubscription refer)
    {
        if (Owner(leg) is not { } call) return 400;
        if (refer.Replaces is null)
        {
            if (call.Other(leg) is null) return 481;
            return string.IsNullOrEmpty(refer.Target.User) ? 400 : 202;
        }
        if (ReplacedBy(refer, leg) is not { } replaced || Owner(replaced) is null)
        {
            Trace($"REFER Replaces {refer.Replaces.CallId}: no such dialog");
            return 481;
        }
        return 202;
    }

    private void OnRefer(SipReferSubscription refer)
    {
        var leg = refer.Call;
        var ua = leg.Owner;
        if (Owner(leg) is not { } call) return;
        if (refer.Replaces is null)
        {
            // Blind transfer: the far party is connected to the Refer-To number; the referring leg is released when it answers.
            ReplaceLeg(call, leg, refer.Target.User ?? "", onDone: ok => ua.NotifyReferProgress(refer, ok ? 200 : 503));
            return;
        }
        if (ReplacedBy(refer, leg) is not { } replaced || Owner(replaced) is not { } otherCall)
        {
            ua.NotifyReferProgress(refer, 481);
            return;
        }
        var joined = JoinFarParties(call, leg, otherCall, replaced);
        ua.NotifyReferProgress(refer, joined ? 200 : 481);
        if (joined)
        {
            Hangup(leg);
            Hangup(replaced);
        }
    }

    /// <summary>The dialog a REFER's Replaces names, on any node (either tag may be ours).</summary>
    private SipCall? ReplacedBy(SipReferSubscription refer, SipCall referring)
    {
        if (refer.Replaces is not { } replaces) return null;
        foreach (var node in Nodes)
        {
            var found = node.Agent.FindCall(replaces.ReceiverDialogId())
                ?? node.Agent.FindCall(new SipDialogId(replaces.CallId, replaces.FromTag, replaces.ToTag));
            if (found is not null && found != referring && !found.IsEnded) return found;
        }
        return null;
    }

    /// <summary>
    /// Connects the far party of <paramref name="legX"/> (in <paramref name="callX"/>) with the far party of
    /// <paramref name="legY"/> (in <paramref name="callY"/>): each is re-INVITEd with the other's SDP and the two legs
    /// are taken out of the calls (the caller releases them).
    /// </summary>
    private bool JoinFarParties(SwitchCall callX, SipCall legX, SwitchCall callY, SipCall legY)
    {
        var farX = callX.Other(legX);
        var farY = callY.Other(legY);
        if (farX is null || farY is null || !IsUp(farX) || !IsUp(farY)) return false;
        var farXDevice = callX.DeviceOf(farX);
        var farYDevice = callY.DeviceOf(farY);
        var transferring = callX.DeviceOf(legX) ?? callY.DeviceOf(legY);
        Detach(legX);
        Detach(legY);
        farY.UserState = null;
        callY.IsOver = true;
        callX.A = farX;
        callX.ADevice = farXDevice;
        callX.B = farY;
        callX.BDevice = farYDevice;
        callX.Connected = true;
        Attach(callX, farY);
        farX.UserState = callX;
        Reoffer(farX, farY.RemoteSdp);
        Reoffer(farY, farX.RemoteSdp);
        JoinCount++;
        callX.AddRoute("joined " + callY.CstaCallId);
        _events.Joined(callX, callY.CstaCallId, transferring);
        Trace($"{callX.CstaCallId} joined with {callY.CstaCallId}");
        return true;
    }

    /// <summary>
    /// Replaces <paramref name="oldLeg"/> of <paramref name="call"/> by a new call to <paramref name="number"/> carrying the
    /// far party (its SDP, From = its number); when answered the far party is re-INVITEd and the old leg released.
    /// </summary>
    private void ReplaceLeg(SwitchCall call, SipCall oldLeg, string number, Action<bool>? onDone = null)
    {
        var far = call.Other(oldLeg)!;
        var farDevice = call.DeviceOf(far);
        var oldDevice = call.DeviceOf(oldLeg);
        var farNumber = farDevice ?? (far == call.A ? call.CallingNumber : far.RemoteParty?.Uri.User ?? call.CallingNumber);
        // The far party becomes the A side; the old leg leaves the call (kept up until the new party answers).
        Detach(oldLeg);
        call.A = far;
        call.ADevice = farDevice;
        call.B = null;
        call.BDevice = null;
        call.CallingNumber = farNumber;
        var kept = oldLeg;
        call.OnBAnswered = () =>
        {
            onDone?.Invoke(true);
            Hangup(kept);
            if (oldDevice is not null) _events.Cleared(call, oldDevice, farDevice);
            if (oldDevice is not null) _events.Transferred(call, oldDevice, number);
        };
        var digits = _router.Normalize(number, call.BusinessGroup);
        var target = _router.Route(digits);
        call.AddRoute("transfer " + number);
        Offer(call, target);
        if (call.IsOver)
        {
            // The call failed at once (no route, the endpoint out of service): the device that transferred it has left
            // it all the same, and its monitor hears so.
            onDone?.Invoke(false);
            Hangup(kept);
            if (oldDevice is not null) _events.Cleared(call, oldDevice, null);
        }
    }

    /// <summary>CSTA SingleStepTransferCall: the device's active call goes to <paramref name="to"/>; the device is released.</summary>
    internal ConnectionId? SingleStepTransfer(ConnectionId connection, string to)
    {
        if (FindLeg(connection) is not { } found || found.Call.Other(found.Leg) is not { } far || !IsUp(far)) return null;
        ReplaceLeg(found.Call, found.Leg, to);
        return new ConnectionId(found.Call.CstaCallId, to);
    }

    /// <summary>CSTA TransferCall: joins the far parties of the device's held and active calls.</summary>
    internal bool Transfer(ConnectionId held, ConnectionId active)
    {
        if (FindLeg(held) is not { } h || FindLeg(active) is not { } a) return false;
        var ok = JoinFarParties(h.Call, h.Leg, a.Call, a.Leg);
        if (ok)
        {
            Hangup(h.Leg);
            Hangup(a.Leg);
        }
        return ok;
    }

    /// <summary>CSTA ClearConnection: the device leaves the call.</summary>
    internal bool Clear(ConnectionId connection)
    {
        if (FindLeg(connection) is not { } found) return false;
        if (found.Leg == found.Call.A && found.Call.B is null && !found.Call.IsOver)
        {
            FailCall(found.Call, 487);
            return true;
        }
        Hangup(found.Leg);
        return true;
    }

    /// <summary>CSTA DeflectCall: an alerting call at the device goes to <paramref name="to"/> instead.</summary>
    internal bool Deflect(ConnectionId connection, string to)
    {
        if (FindLeg(connection) is not { } found || found.Leg != found.Call.B || IsUp(found.Leg)) return false;
        var call = found.Call;
        Detach(found.Leg);
        Hangup(found.Leg);
        call.B = null;
        call.BDevice = null;
        call.CancelTimers();
        _events.Diverted(call, connection.DeviceId, to, EventCause.Redirected);
        RouteNumber(call, _router.Normalize(to, call.BusinessGroup));
        return true;
    }

    /// <summary>CSTA HoldCall: the far party hears nothing until retrieved.</summary>
    internal bool Hold(ConnectionId connection)
    {
        if (FindLeg(connection) is not { } found || found.Call.Other(found.Leg) is not { } far || !IsUp(far)) return false;
        Reoffer(far, AudioSdp.Hold());
        found.Call.HeldDevices.Add(found.Call.DeviceOf(found.Leg) ?? connection.DeviceId);
        _events.Held(found.Call, connection.DeviceId);
        return true;
    }

    /// <summary>CSTA RetrieveCall: the far party is reconnected with the device.</summary>
    internal bool Retrieve(ConnectionId connection)
    {
        if (FindLeg(connection) is not { } found || found.Call.Other(found.Leg) is not { } far || !IsUp(far)) return false;
        Reoffer(far, found.Leg.RemoteSdp);
        found.Call.HeldDevices.Remove(found.Call.DeviceOf(found.Leg) ?? connection.DeviceId);
        _events.Retrieved(found.Call, connection.DeviceId);
        return true;
    }

    /// <summary>
    /// CSTA MakeCall: the calling device is called first (auto-answer for CTI calls: Call-Info answer-after=0); once it
    /// answers, <paramref name="called"/> is routed with its SDP and connected.
    /// </summary>
    internal ConnectionId? MakeCall(string calling, string called)
    {
        if (Device(calling) is not { Phone: { } phone } device) return null;
        var agent = ActiveAgent();
        var host = agent.LocalEndPoint().Address.ToString();
        var a = agent.Invite(SipUri.Sip(device.Number, phone.Address.ToString(), phone.Port), new SipInviteOptions
        {
            From = new NameAddress(SipUri.Sip(called, host)),
            To = new NameAddress(SipUri.Sip(device.Number, host)),
            Sdp = AudioSdp.For(new IPEndPoint(IPAddress.Any, 9)),
            Headers = [new("Call-Info", $"<sip:{host}>;answer-after=0")],
            Destination = SipEndPoint.Udp(phone.Address, phone.Port),
        });
        var call = NewCall(device.Number, called, a, device.Number, device.Config.BusinessGroup);
        call.AddRoute("makeCall " + device.Number);
        call.OnAAnswered = () => RouteNumber(call, _router.Normalize(called, device.Config.BusinessGroup));
        return new ConnectionId(call.CstaCallId, device.Number);
    }

    /// <summary>The call and leg of a CSTA connection (call id + device).</summary>
    internal (SwitchCall Call, SipCall Leg)? FindLeg(ConnectionId connection)
    {
        var call = _calls.LastOrDefault(c => c.CstaCallId == connection.CallId && !c.IsOver);
        if (call is null) return null;
        var device = Device(connection.DeviceId)?.Number ?? connection.DeviceId;
        if (call.ADevice == device) return (call, call.A);
        if (call.BDevice == device && call.B is { } b) return (call, b);
        return null;
    }
}
