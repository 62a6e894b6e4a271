using Concierge.Cps.Attendants;
using Concierge.Cps.Calls;
using Concierge.Cps.Legs;
using Concierge.Cps.Records;

namespace Concierge.Cps.Engine;

public sealed partial class CpsEngine
{
    private readonly Dictionary<LegId, AttendantSession> _attendantLegsClearing = new();

    /// <summary>An outgoing leg is ringing at its target.</summary>
    public void OnLegRinging(LegId leg)
    {
        if (!_legIndex.ContainsKey(leg)) IgnoredInputs++;
    }

    /// <summary>An outgoing leg was answered: connect an attendant (after the greeting) or a transfer target.</summary>
    public void OnLegAnswered(LegId leg)
    {
        if (!_legIndex.TryGetValue(leg, out var entry))
        {
            if (_loopProbe is { } probe && probe.Leg == leg) { OnLoopAnswered(); return; }
            IgnoredInputs++;
            return;
        }
        var (call, role) = entry;
        switch (role)
        {
            case LegRole.Attendant when call.Phase == CallPhase.Offered && call.CallerLeg is { } callerLeg:
                call.StepTimer?.Dispose();
                call.StepTimer = null;
                var greeting = _attendants[call.AttendantDevice!.Value].Place.Greeting;
                if (greeting is null)
                {
                    ConnectAttendantLegs(call, callerLeg, leg);
                    return;
                }
                var media = new MediaSource(MediaKind.Greeting, greeting);
                _legs.Play(callerLeg, media);
                _legs.Play(leg, media);
                call.CallerHears = media;
                call.StepTimer = After(DurationOf(greeting, TimeSpan.FromSeconds(3)), () =>
                {
                    if (call.Phase != CallPhase.Offered || call.CallerLeg is not { } c || call.PartnerLeg is not { } p) return;
                    ConnectAttendantLegs(call, c, p);
                });
                return;
            case LegRole.TransferTarget when call.Processing == ProcessingState.Transferring && call.CallerLeg is { } transferred:
                call.StepTimer?.Dispose();
                call.StepTimer = null;
                call.Joining = true;
                _legs.Join(transferred, leg);
                return;
            default:
                IgnoredInputs++;
                return;
        }
    }

    /// <summary>Caller and attendant are put through: joined by the PBX, or bridged on the CPS when it runs SIP only.</summary>
    private void ConnectAttendantLegs(CpsCall call, LegId callerLeg, LegId attendantLeg)
    {
        call.Joining = true;
        if (!SipOnly)
        {
            _legs.Join(callerLeg, attendantLeg);
            return;
        }
        _legs.Bridge(callerLeg, attendantLeg);
        After(TimeSpan.Zero, () => OnLegsBridged(call, callerLeg, attendantLeg));
    }

    /// <summary>A SIP-only CPS bridged caller and attendant: the call is connected and both legs stay on the CPS.</summary>
    private void OnLegsBridged(CpsCall call, LegId callerLeg, LegId attendantLeg)
    {
        if (call.Phase != CallPhase.Offered || call.CallerLeg != callerLeg || call.PartnerLeg != attendantLeg || !call.Joining) return;
        var attendant = _attendants[call.AttendantDevice!.Value];
        call.Joining = false;
        call.Phase = CallPhase.Connected;
        call.ConnectedToAttendantAt = Now;
        call.Processing = null;
        call.CallerHears = MediaSource.Silence;
        call.StepTimer?.Dispose();
        call.StepTimer = null;
        call.QueueTimer?.Dispose();
        call.QueueTimer = null;
        call.Record.MarkAnswered(Now, attendant.Device.ToString());
        Trace($"call {call.Id} bridged with attendant {attendant.Device}");
        Notify(CpsNotificationKind.CallChanged, $"call {call.Id} connected to {attendant.Device}");
        RunDeferredCommands(call);
    }

    private void RunDeferredCommands(CpsCall call)
    {
        var deferred = call.DeferredCommands.ToList();
        call.DeferredCommands.Clear();
        foreach (var command in deferred)
        {
            var result = command();
            if (!result.Succeeded) call.Record.Note(Now, $"deferred command refused: {result.Error}");
        }
    }

    /// <summary>A bridged call ends (SIP only): whichever leg is left is released, both channels are freed, the attendant is free.</summary>
    private void EndBridgedCall(CpsCall call, string why)
    {
        call.Record.Note(Now, why);
        if (call.CallerLeg is { } callerLeg)
        {
            _legs.Release(callerLeg);
            ForgetLeg(callerLeg);
            call.CallerLeg = null;
        }
        ReleaseBridgedAttendantLeg(call);
        ReleaseChannel(call.CallerChannel);
        ReleaseChannel(call.PartnerChannel);
        call.CallerChannel = call.PartnerChannel = null;
        FreeAttendantOf(call);
        End(call, CallDisposition.Answered);
        Distribute();
    }

    /// <summary>
    /// SIP only: ends the attendant's leg of a bridged call; the attendant is dialled again only once its phone has
    /// answered the BYE (<see cref="OnLegCleared"/>), or after <see cref="ClearConfirmationTimeout"/> at the latest.
    /// </summary>
    private void ReleaseBridgedAttendantLeg(CpsCall call)
    {
        if (call.PartnerLeg is not { } leg) return;
        ForgetLeg(leg);
        call.PartnerLeg = null;
        if (call.AttendantDevice is not { } device || !_attendants.TryGetValue(device, out var attendant))
        {
            _legs.Release(leg);
            return;
        }
        _legs.ReleaseAndConfirm(leg);
        attendant.ClearingCall = true;
        _attendantLegsClearing[leg] = attendant;
        After(ClearConfirmationTimeout, () =>
        {
            if (!_attendantLegsClearing.Remove(leg)) return;
            FinishClearing(attendant);
        });
    }

    /// <summary>The far end answered the BYE of a leg released with confirmation (SIP only): its attendant may be dialled again.</summary>
    public void OnLegCleared(LegId leg)
    {
        if (!_attendantLegsClearing.Remove(leg, out var attendant))
        {
            IgnoredInputs++;
            return;
        }
        FinishClearing(attendant);
    }

    private void FinishClearing(AttendantSession attendant)
    {
        if (!attendant.ClearingCall) return;
        attendant.ClearingCall = false;
        DialWaitingOffer(attendant);
        Distribute();
    }

    private static bool IsBridged(CpsCall call) => call.Phase == CallPhase.Connected && call.CallerLeg is not null && call.PartnerLeg is not null;

    /// <summary>The PBX connected the parties of two legs; both legs have left the CPS.</summary>
    public void OnLegsJoined(LegId callerLeg, LegId partnerLeg)
    {
        if (!_legIndex.TryGetValue(partnerLeg, out var entry) || entry.Call.CallerLeg != callerLeg)
        {
            IgnoredInputs++;
            return;
        }
        var (call, role) = entry;
        ForgetLeg(callerLeg);
        ForgetLeg(partnerLeg);
        ReleaseChannel(call.CallerChannel);
        ReleaseChannel(call.PartnerChannel);
        call.CallerChannel = call.PartnerChannel = null;
        call.CallerLeg = call.PartnerLeg = null;
        call.StepTimer?.Dispose();
        call.StepTimer = null;
        call.QueueTimer?.Dispose();
        call.QueueTimer = null;
        call.CallerHears = MediaSource.Silence;
        if (role == LegRole.Attendant)
        {
            var attendant = _attendants[call.AttendantDevice!.Value];
            call.Phase = CallPhase.Connected;
            call.ConnectedToAttendantAt = Now;
            call.Processing = null;
            call.Record.MarkAnswered(Now, attendant.Device.ToString());
            call.Joining = false;
            SetPersonalForwarding(attendant, on: true);
            Trace($"call {call.Id} connected to attendant {attendant.Device}");
            Notify(CpsNotificationKind.CallChanged, $"call {call.Id} connected to {attendant.Device}");
            if (call.EndedAtAttendantWhileJoining)
            {
                OnAttendantCallEnded(attendant.Device);
                return;
            }
            RunDeferredCommands(call);
            return;
        }
        var party = role == LegRole.Pickup ? call.PickedUpBy : call.Target?.ToString();
        call.Record.MarkAnswered(Now, party ?? "unknown party");
        End(call, CallDisposition.Answered);
    }

    /// <summary>An outgoing leg failed (busy, rejected, unreachable) with SIP <paramref name="status"/>.</summary>
    public void OnLegFailed(LegId leg, int status)
    {
        if (!_legIndex.TryGetValue(leg, out var entry))
        {
            if (_loopProbe is { } probe && probe.Leg == leg) { OnLoopMissed($"loop call failed with {status}"); return; }
            IgnoredInputs++;
            return;
        }
        var (call, role) = entry;
        switch (role)
        {
            case LegRole.Attendant when call.Phase == CallPhase.Offered:
                call.Joining = false;
                call.DeferredCommands.Clear();
                var attendant = _attendants[call.AttendantDevice!.Value];
                call.Record.Note(Now, $"attendant {attendant.Device} not reached ({status})");
                ForgetLeg(leg);
                call.PartnerLeg = null;
                TakeBackOffer(call, attendant);
                if (attendant.State != AttendantState.LoggedOff) SetState(attendant, AttendantState.Unavailable);
                Distribute();
                return;
            case LegRole.TransferTarget when call.Processing == ProcessingState.Transferring:
                call.Joining = false;
                call.Record.Note(Now, $"transfer to {call.Target} failed ({status})");
                ForgetLeg(leg);
                call.PartnerLeg = null;
                EndTransferAttempt(call);
                return;
            default:
                IgnoredInputs++;
                return;
        }
    }

    /// <summary>A leg ended from the other side (the caller hung up, a target hung up while ringing).</summary>
    public void OnLegReleased(LegId leg)
    {
        if (!_legIndex.TryGetValue(leg, out var entry))
        {
            if (_loopProbe is { } probe && probe.Leg == leg) return;
            if (_loopBacks.Remove(leg)) return; // the standby hung up its loop call
            IgnoredInputs++;
            return;
        }
        var (call, role) = entry;
        if (IsBridged(call))
        {
            ForgetLeg(leg);
            if (role == LegRole.Caller) call.CallerLeg = null;
            else call.PartnerLeg = null;
            EndBridgedCall(call, role == LegRole.Caller ? "caller hung up" : $"{call.AttendantDevice} hung up");
            return;
        }
        if (role != LegRole.Caller)
        {
            OnLegFailed(leg, 487);
            return;
        }
        if (call.Phase == CallPhase.Ended)
        {
            DropLingeringLeg(call, leg);
            return;
        }
        call.Record.Note(Now, "caller hung up");
        ForgetLeg(leg);
        call.CallerLeg = null;
        ReleaseChannel(call.CallerChannel);
        call.CallerChannel = null;
        if (call.PartnerLeg is { } partner)
        {
            _legs.Release(partner);
            ForgetLeg(partner);
            call.PartnerLeg = null;
        }
        ReleaseChannel(call.PartnerChannel);
        call.PartnerChannel = null;
        if (call.AttendantDevice is { } device && _attendants[device].CurrentCall == call)
        {
            _attendants[device].CurrentCall = null;
            _attendants[device].IdleSince = Now;
        }
        if (call.CallbackNumber is { } callback && _pagedCalls.Remove(callback))
        {
            CallbackNumbers.Return(callback);
            call.CallbackNumber = null;
        }
        End(call, CallDisposition.Abandoned);
        Distribute();
    }

    /// <summary>
    /// The PBX reports that the call at attendant <paramref name="device"/> ended (the caller or the attendant hung
    /// up, CSTA ConnectionCleared): the attendant is free again.
    /// </summary>
    public void OnAttendantCallEnded(Config.Numbers.E164Number device)
    {
        if (!_attendants.TryGetValue(device, out var attendant))
        {
            IgnoredInputs++;
            return;
        }
        if (attendant.CurrentCall is { Joining: true, Phase: not CallPhase.Connected } joining)
        {
            // Swarm seed 117 (OpenScape 4000): the caller hung up right after the PBX joined the call; the clearing
            // came over CSTA before the join's BYE over SIP, and the call then stayed connected for ever.
            joining.EndedAtAttendantWhileJoining = true;
            joining.Record.Note(Now, $"the PBX reports the call ended at {device} while it is being connected");
            return;
        }
        if (attendant.CurrentCall is not { Phase: CallPhase.Connected } call)
        {
            if (!attendant.ClearingCall) IgnoredInputs++;
            attendant.ClearingCall = false;
            DialWaitingOffer(attendant);
            Distribute();
            return;
        }
        attendant.CurrentCall = null;
        attendant.IdleSince = Now;
        SetPersonalForwarding(attendant, on: false);
        End(call, CallDisposition.Answered);
        Distribute();
    }

    private void FreeAttendantOf(CpsCall call)
    {
        if (call.AttendantDevice is not { } device || !_attendants.TryGetValue(device, out AttendantSession? attendant)) return;
        if (attendant.CurrentCall == call)
        {
            attendant.CurrentCall = null;
            attendant.IdleSince = Now;
            SetPersonalForwarding(attendant, on: false);
        }
        call.AttendantDevice = null;
    }
}
