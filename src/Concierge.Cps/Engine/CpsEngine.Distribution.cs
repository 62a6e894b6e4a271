using Concierge.Config.Model;
using Concierge.Cps.Attendants;
using Concierge.Cps.Calls;
using Concierge.Cps.Channels;
using Concierge.Cps.Legs;
using Concierge.Cps.Queues;

namespace Concierge.Cps.Engine;

public sealed partial class CpsEngine
{
    /// <summary>Automatic distribution: each idle, available attendant, longest idle first, gets the best call it may take.</summary>
    private void Distribute()
    {
        if (!IsActive || !PbxLinkUp) return;
        var idle = _attendants.Values.Where(a => a.CanTakePushedCall).OrderBy(a => a.IdleSince).ThenBy(a => a.Device).ToList();
        foreach (var attendant in idle)
        {
            var call = BestCallFor(attendant, pushedOnly: true);
            if (call is null) continue;
            if (!Offer(call, attendant)) break; // no operational channel: nobody else can be offered either
        }
    }

    /// <summary>The call <paramref name="attendant"/> would get next: its personal queue and the pilot queues, best first.</summary>
    private CpsCall? BestCallFor(AttendantSession attendant, bool pushedOnly)
    {
        CpsCall? best = null;
        foreach (var candidate in CandidateQueues(attendant, pushedOnly))
        {
            var head = candidate.Calls.FirstOrDefault(c => c.CallerAnswered && c.Phase == CallPhase.Queued && !(pushedOnly && c.StartAnnouncementPlaying));
            if (head is not null && (best is null || CallQueue.Before(head, best))) best = head;
        }
        return best;
    }

    private IEnumerable<CallQueue> CandidateQueues(AttendantSession attendant, bool pushedOnly)
    {
        var own = TenantOf(attendant);
        if (!pushedOnly || own.RoutingType == RoutingType.AutomaticDistribution) yield return attendant.PersonalQueue;
        foreach (var (pilot, queue) in _callerQueues)
        {
            // An attendant takes calls of its own tenant only (C 8.3); its tenant's routing type decides whether they are pushed.
            var tenant = (_config.FindDdiEntry(pilot) is { } entry ? _config.FindTenant(entry.Tenant) : null) ?? _defaultTenant;
            if (tenant.Name != own.Name) continue;
            if (!pushedOnly || tenant.RoutingType == RoutingType.AutomaticDistribution) yield return queue;
        }
    }

    /// <summary>Rings <paramref name="attendant"/> for <paramref name="call"/> over an operational channel.</summary>
    private bool Offer(CpsCall call, AttendantSession attendant)
    {
        var channel = TakeChannel(ChannelKind.Operational, $"offer of call {call.Id} to {attendant.Device}");
        if (channel is null)
        {
            call.Record.Note(Now, "no operational channel free to ring an attendant");
            return false;
        }
        RemoveFromQueues(call);
        call.Phase = CallPhase.Offered;
        call.AttendantDevice = attendant.Device;
        attendant.CurrentCall = call;
        call.PartnerChannel = channel;
        call.StartAnnouncementPlaying = false; // an attendant picked it during the start announcement
        call.StepTimer?.Dispose();
        call.StepTimer = After(call.Times.RnaTimeout, () => OnRingNoAnswer(call, attendant));
        if (attendant.MayBeDialled) DialAttendant(call, attendant);
        else call.Record.Note(Now, $"rings {attendant.Device} once the PBX has cleared its previous call and forwarding");
        Notify(CpsNotificationKind.CallChanged, $"call {call.Id} rings at {attendant.Device}");
        return true;
    }

    private void DialAttendant(CpsCall call, AttendantSession attendant)
    {
        var leg = _legs.Dial(attendant.Device, attendant.Device, call.Caller, autoAnswer: true);
        call.PartnerLeg = leg;
        _legIndex[leg] = (call, LegRole.Attendant);
        call.Record.Note(Now, $"offered to {attendant.Device} on {leg}");
        Trace($"call {call.Id} offered to {attendant.Device} on {leg}");
    }

    /// <summary>RNA timeout: take the call back, set the attendant unavailable, offer the call to someone else.</summary>
    private void OnRingNoAnswer(CpsCall call, AttendantSession attendant)
    {
        if (call.Phase != CallPhase.Offered || call.AttendantDevice != attendant.Device) return;
        call.Record.Note(Now, $"no answer at {attendant.Device} within {call.Times.RnaTimeout.TotalSeconds:0.#} s");
        Trace($"call {call.Id} RNA at {attendant.Device}: attendant set unavailable");
        TakeBackOffer(call, attendant);
        SetState(attendant, AttendantState.Unavailable);
        Distribute();
    }

    /// <summary>Ends the ringing leg to the attendant and puts the call back where it came from.</summary>
    private void TakeBackOffer(CpsCall call, AttendantSession attendant)
    {
        if (call.PartnerLeg is { } leg)
        {
            _legs.Release(leg);
            ForgetLeg(leg);
        }
        ReleaseChannel(call.PartnerChannel);
        call.PartnerChannel = null;
        call.PartnerLeg = null;
        call.StepTimer?.Dispose();
        call.StepTimer = null;
        call.AttendantDevice = null;
        if (attendant.CurrentCall == call)
        {
            attendant.CurrentCall = null;
            attendant.IdleSince = Now;
        }
        if (call.Processing is not null)
        {
            call.Phase = CallPhase.Processing;
            call.ProcessingSince = Now;
            call.Processing = ProcessingState.Held;
            return;
        }
        call.Phase = CallPhase.Queued;
        QueueOf(call).Add(call);
    }

    private CallQueue QueueOf(CpsCall call) =>
        call.PersonalLineOwner is { } owner ? _attendants[owner.Device].PersonalQueue : _callerQueues[call.Entry!.Pilot];

    private void SetState(AttendantSession attendant, AttendantState state)
    {
        if (attendant.State == state) return;
        attendant.State = state;
        if (state == AttendantState.Available) attendant.IdleSince = Now;
        Trace($"attendant {attendant.Device} {state.ToString().ToLowerInvariant()}");
        Notify(CpsNotificationKind.AttendantChanged, $"{attendant.Device} {state}");
    }

    /// <summary>How long an offer waits for the PBX to answer a request to clear the attendant's forwarding.</summary>
    public static readonly TimeSpan ForwardingClearTimeout = TimeSpan.FromSeconds(2);

    private void SetPersonalForwarding(AttendantSession attendant, bool on)
    {
        if (attendant.PersonalForwardingSet == on || !attendant.CanControlCalls || SipOnly) return;
        attendant.PersonalForwardingSet = on;
        if (on)
        {
            _pbx.SetForwardingUnconditional(attendant.Device, attendant.Place.PersonalLine);
            return;
        }
        // The SIP leg to the phone and the CSTA request travel different ways: the phone is dialled only once the PBX
        // has answered, so that the leg is not forwarded to the personal line on the CPS itself.
        var request = ++attendant.ForwardingClearRequests;
        attendant.ForwardingClearing = true;
        _pbx.SetForwardingUnconditional(attendant.Device, null, () => OnForwardingCleared(attendant, request));
        After(ForwardingClearTimeout, () => OnForwardingCleared(attendant, request));
    }

    private void OnForwardingCleared(AttendantSession attendant, long request)
    {
        if (!attendant.ForwardingClearing || attendant.ForwardingClearRequests != request) return;
        attendant.ForwardingClearing = false;
        DialWaitingOffer(attendant);
    }

    /// <summary>Rings the phone for a call offered while the PBX was still clearing the attendant's previous call or forwarding.</summary>
    private void DialWaitingOffer(AttendantSession attendant)
    {
        if (attendant.MayBeDialled && attendant.CurrentCall is { Phase: CallPhase.Offered, PartnerLeg: null } waiting) DialAttendant(waiting, attendant);
    }
}
