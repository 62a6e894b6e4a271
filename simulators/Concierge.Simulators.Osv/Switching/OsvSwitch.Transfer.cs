using System.Net;
using Concierge.Csta.Messages;
using Concierge.Simulators.Phones.Sip;
using Concierge.Sip.Message;
using Concierge.Sip.Transactions;

namespace Concierge.Simulators.Osv.Switching;

public sealed partial class OsvSwitch
{
    private const string HoldSdpAddress = "0.0.0.0";

    /// <summary>Joins and transfers done (REFER/Replaces joins and CSTA TransferCall).</summary>
    public int JoinCount { get; private set; }

    private void OnRefer(SipLeg leg, SipRequest request, SipServerTransaction tx)
    {
        if (Owner(leg) is not { } call || request.Headers.GetFirst("Refer-To") is not { } referToText
            || !NameAddress.TryParse(referToText, out var referTo) || referTo is null)
        {
            leg.Respond(tx, 400);
            return;
        }
        var replaces = referTo.Uri.Headers["Replaces"];
        if (replaces is null)
        {
            // Blind transfer: the far party is connected to the Refer-To number; the referring leg is released when it answers.
            var far = call.Other(leg);
            if (far is null || string.IsNullOrEmpty(referTo.Uri.User))
            {
                leg.Respond(tx, far is null ? 481 : 400);
                return;
            }
            leg.Respond(tx, 202);
            ReplaceLeg(call, leg, referTo.Uri.User ?? "", onDone: ok => leg.NotifyReferProgress(ok ? "SIP/2.0 200 OK" : "SIP/2.0 503 Service Unavailable", true));
            return;
        }
        var parts = replaces.Split(';');
        var callId = Uri.UnescapeDataString(parts[0]);
        var tags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in parts.Skip(1).Take(16).Select(p => p.Split('=', 2)).Where(p => p.Length == 2)) tags.TryAdd(pair[0].Trim(), pair[1].Trim());
        var replaced = Nodes.SelectMany(n => n.Agent.Legs).FirstOrDefault(l => l.CallId == callId && l != leg
            && (tags.GetValueOrDefault("to-tag") == l.LocalTag || tags.GetValueOrDefault("from-tag") == l.LocalTag));
        if (replaced is null || Owner(replaced) is not { } otherCall)
        {
            Trace($"REFER Replaces {callId}: no such dialog");
            leg.Respond(tx, 481);
            return;
        }
        leg.Respond(tx, 202);
        var joined = JoinFarParties(call, leg, otherCall, replaced);
        leg.NotifyReferProgress(joined ? "SIP/2.0 200 OK" : "SIP/2.0 481 Call/Transaction Does Not Exist", true);
        if (joined)
        {
            leg.Hangup();
            replaced.Hangup();
        }
    }

    /// <summary>
    /// Connects the far party of <paramref name="legX"/> (in <paramref name="callX"/>) with the far party of
    /// <paramref name="legY"/> (in <paramref name="callY"/>): each is re-INVITEd with the other's SDP and the two legs
    /// are taken out of the calls (the caller releases them).
    /// </summary>
    private bool JoinFarParties(SwitchCall callX, SipLeg legX, SwitchCall callY, SipLeg legY)
    {
        var farX = callX.Other(legX);
        var farY = callY.Other(legY);
        if (farX is null || farY is null || farX.State != SipLegState.Established || farY.State != SipLegState.Established) return false;
        var farXDevice = callX.DeviceOf(farX);
        var farYDevice = callY.DeviceOf(farY);
        var transferring = callX.DeviceOf(legX) ?? callY.DeviceOf(legY);
        Detach(legX);
        Detach(legY);
        foreach (var l in new[] { farY }) l.Owner = null;
        callY.IsOver = true;
        callX.A = farX;
        callX.ADevice = farXDevice;
        callX.B = farY;
        callX.BDevice = farYDevice;
        callX.Connected = true;
        Attach(callX, farY);
        farX.Owner = callX;
        farX.LocalSdp = farY.RemoteSdp;
        farY.LocalSdp = farX.RemoteSdp;
        farX.ReInvite(farY.RemoteSdp);
        farY.ReInvite(farX.RemoteSdp);
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
    private void ReplaceLeg(SwitchCall call, SipLeg oldLeg, string number, Action<bool>? onDone = null)
    {
        var far = call.Other(oldLeg)!;
        var farDevice = call.DeviceOf(far);
        var oldDevice = call.DeviceOf(oldLeg);
        var farNumber = farDevice ?? (far == call.A ? call.CallingNumber : far.RemoteParty.Uri.User ?? call.CallingNumber);
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
            kept.Hangup();
            if (oldDevice is not null) _events.Cleared(call, oldDevice, farDevice);
            if (oldDevice is not null) _events.Transferred(call, oldDevice, number);
        };
        var digits = _router.Normalize(number, call.BusinessGroup);
        var target = _router.Route(digits);
        call.AddRoute("transfer " + number);
        Offer(call, target);
        if (call.IsOver)
        {
            onDone?.Invoke(false);
            kept.Hangup();
        }
    }

    /// <summary>CSTA SingleStepTransferCall: the device's active call goes to <paramref name="to"/>; the device is released.</summary>
    internal ConnectionId? SingleStepTransfer(ConnectionId connection, string to)
    {
        if (FindLeg(connection) is not { } found || found.Call.Other(found.Leg) is not { State: SipLegState.Established }) return null;
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
            h.Leg.Hangup();
            a.Leg.Hangup();
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
        found.Leg.Hangup();
        return true;
    }

    /// <summary>CSTA DeflectCall: an alerting call at the device goes to <paramref name="to"/> instead.</summary>
    internal bool Deflect(ConnectionId connection, string to)
    {
        if (FindLeg(connection) is not { } found || found.Leg != found.Call.B || found.Leg.State == SipLegState.Established) return false;
        var call = found.Call;
        Detach(found.Leg);
        found.Leg.Hangup();
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
        if (FindLeg(connection) is not { } found || found.Call.Other(found.Leg) is not { State: SipLegState.Established } far) return false;
        far.ReInvite(SimpleSdp.For(new IPEndPoint(IPAddress.Any, 9), "hold", "sendonly").Replace("c=IN IP4 0.0.0.0", "c=IN IP4 " + HoldSdpAddress));
        found.Call.HeldDevices.Add(found.Call.DeviceOf(found.Leg) ?? connection.DeviceId);
        _events.Held(found.Call, connection.DeviceId);
        return true;
    }

    /// <summary>CSTA RetrieveCall: the far party is reconnected with the device.</summary>
    internal bool Retrieve(ConnectionId connection)
    {
        if (FindLeg(connection) is not { } found || found.Call.Other(found.Leg) is not { State: SipLegState.Established } far) return false;
        far.ReInvite(found.Leg.RemoteSdp);
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
        var host = agent.LocalEndPoint.Address.ToString();
        var placeholder = SimpleSdp.For(new IPEndPoint(IPAddress.Any, 9), "cti");
        var a = agent.Call(SipUri.Sip(device.Number, phone.Address.ToString(), phone.Port), new NameAddress(SipUri.Sip(called, host)),
            new NameAddress(SipUri.Sip(device.Number, host)), phone, placeholder,
            [new("Call-Info", $"<sip:{host}>;answer-after=0")]);
        var call = NewCall(device.Number, called, a, device.Number, device.Config.BusinessGroup);
        call.AddRoute("makeCall " + device.Number);
        call.OnAAnswered = () => RouteNumber(call, _router.Normalize(called, device.Config.BusinessGroup));
        a.Failed += (_, _) => { call.IsOver = true; Release(a); };
        return new ConnectionId(call.CstaCallId, device.Number);
    }

    /// <summary>The call and leg of a CSTA connection (call id + device).</summary>
    internal (SwitchCall Call, SipLeg Leg)? FindLeg(ConnectionId connection)
    {
        var call = _calls.LastOrDefault(c => c.CstaCallId == connection.CallId && !c.IsOver);
        if (call is null) return null;
        var device = Device(connection.DeviceId)?.Number ?? connection.DeviceId;
        if (call.ADevice == device) return (call, call.A);
        if (call.BDevice == device && call.B is { } b) return (call, b);
        return null;
    }
}
