using Concierge.Csta.Messages;
using Concierge.Runtime.Loop;
using Concierge.Simulators.Osv.Devices;
using Concierge.Simulators.Phones.Sip;
using Concierge.Sip.UserAgent;

namespace Concierge.Simulators.Osv.Switching;

public sealed partial class OsvSwitch
{
    private void OfferToSubscriber(SwitchCall call, SubscriberDevice device, bool knockOverride = false)
    {
        call.AddRoute(device.Number);
        // A busy override reaches the device itself: neither its forwarding nor its busy state turn the call away.
        if (device.ForwardImmediate is { } cfu && call.Diversions < MaxDiversions && !knockOverride)
        {
            Divert(call, device, cfu, EventCause.CallForwardImmediate);
            return;
        }
        if (device.IsBusy && !knockOverride)
        {
            if (device.ForwardBusy is { } cfb && call.Diversions < MaxDiversions) Divert(call, device, cfb, EventCause.CallForwardBusy);
            else FailCall(call, 486);
            return;
        }
        if (device.Phone is null)
        {
            FailCall(call, 480);
            return;
        }
        IReadOnlyList<KeyValuePair<string, string>>? headers = knockOverride ? [new KeyValuePair<string, string>("Alert-Info", KnockOverrideAlertInfo)] : ForwardedHeaders(call);
        var b = SendInvite(call, device.Number, device.Phone, device.Number, device.Number, headers);
        if (device.ForwardNoAnswer is { } cfnr)
        {
            call.NoAnswer = Loop.ScheduleAfter(device.ForwardNoAnswerDelay ?? NoReplyForwardingDelay, () =>
            {
                if (call.B != b || IsUp(b)) return;
                Detach(b);
                Hangup(b);
                call.B = null;
                Divert(call, device, cfnr, EventCause.CallForwardNoAnswer);
            });
        }
        call.OnBFailed = (status, _) =>
        {
            if (status == 486 && device.ForwardBusy is { } busyTarget && call.Diversions < MaxDiversions) Divert(call, device, busyTarget, EventCause.CallForwardBusy);
            else FailCall(call, status);
        };
    }

    private void Divert(SwitchCall call, SubscriberDevice from, string to, EventCause cause)
    {
        call.Diversions++;
        if (call.DiversionHistory.Count < MaxDiversions) call.DiversionHistory.Add(new CallDiversion(from.Number, cause));
        _events.Diverted(call, from.Number, to, cause);
        Trace($"{call.CstaCallId} diverted from {from.Number} to {to} ({cause})");
        RouteNumber(call, _router.Normalize(to, from.Config.BusinessGroup));
    }

    private IReadOnlyList<KeyValuePair<string, string>>? ForwardedHeaders(SwitchCall call)
    {
        if (call.A.IsOutgoing) return null;
        var request = call.A.Invite;
        var list = new List<KeyValuePair<string, string>>();
        foreach (var name in new[] { "Call-Info", "Alert-Info" })
        {
            if (request.Headers.GetFirst(name) is { } value) list.Add(new(name, value));
        }
        // Calls the CPS pushes to a device are CTI calls: phones allowing auto-answer for CTI calls answer them at once.
        if (call.FromEndpoint is not null && list.Count == 0)
        {
            list.Add(new("Call-Info", $"<sip:{Agent.LocalEndPoint().Address}>;answer-after=0"));
        }
        return list.Count == 0 ? null : list;
    }

    private void OfferToHuntGroup(SwitchCall call, HuntGroup hg)
    {
        call.HuntGroup = hg;
        if (!call.Route.Contains(hg.Number)) call.AddRoute(hg.Number);
        var members = hg.Config.Members;
        var eligible = new List<int>();
        for (var i = 0; i < members.Count && !hg.RoutedExternally; i++)
        {
            var device = _devices[members[i].Number];
            if (device.AgentReady && device.ActiveCalls == 0 && device.Phone is not null && !call.TriedMembers.Contains(device.Number)) eligible.Add(i);
        }
        var pick = hg.Pick(eligible, i => _devices[members[i].Number].IdleSince);
        if (pick is { } index)
        {
            var member = _devices[members[index].Number];
            call.TriedMembers.Add(member.Number);
            call.AddRoute(member.Number);
            var b = SendInvite(call, member.Number, member.Phone!, member.Number, member.Number, ForwardedHeaders(call));
            call.OnBFailed = (_, _) => OfferToHuntGroup(call, hg);
            if (HuntGroupNoAnswerAdvance is { } advance)
            {
                call.NoAnswer = Loop.ScheduleAfter(advance, () =>
                {
                    if (call.B != b || IsUp(b)) return;
                    Detach(b);
                    Hangup(b);
                    call.B = null;
                    call.BDevice = null;
                    Trace($"{call.CstaCallId} no answer at {member.Number}: next member");
                    OfferToHuntGroup(call, hg);
                });
            }
            return;
        }
        call.TriedMembers.Clear();
        if (hg.TryEnqueue(call))
        {
            call.Queued = true;
            call.QueuedSince = Loop.Now();
            RingIfNew(call.A);
            _events.Queued(call, hg.Number, hg.QueuedCount);
            Trace($"{call.CstaCallId} queued in {hg.Number} ({hg.QueuedCount})");
            if (hg.Config.MaxTimeInQueue > TimeSpan.Zero)
            {
                call.NoAnswer = Loop.ScheduleAfter(hg.Config.MaxTimeInQueue, () =>
                {
                    if (!call.Queued) return;
                    hg.Remove(call);
                    call.Queued = false;
                    Overflow(call, hg);
                });
            }
            return;
        }
        Overflow(call, hg);
    }

    private void Overflow(SwitchCall call, HuntGroup hg)
    {
        if (hg.Config.OverflowDestination is { } overflow && call.Diversions < MaxDiversions)
        {
            call.Diversions++;
            RouteNumber(call, _router.Normalize(overflow, call.BusinessGroup));
        }
        else FailCall(call, 486);
    }

    private void ServeQueues()
    {
        foreach (var hg in _huntGroups.Values)
        {
            if (hg.RoutedExternally) continue; // a contact center routes these calls itself
            for (var guard = 0; guard < 64 && hg.QueuedCount > 0; guard++)
            {
                var members = hg.Config.Members;
                var free = members.Any(m => _devices[m.Number] is { AgentReady: true, ActiveCalls: 0, Phone: not null });
                if (!free) break;
                if (hg.Dequeue() is not SwitchCall call) break;
                call.Queued = false;
                call.NoAnswer?.Dispose();
                call.NoAnswer = null;
                if (call.IsOver) continue;
                OfferToHuntGroup(call, hg);
            }
        }
    }
}
