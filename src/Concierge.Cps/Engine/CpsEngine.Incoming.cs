using Concierge.Config.Model;
using Concierge.Config.Numbers;
using Concierge.Cps.Calls;
using Concierge.Cps.Channels;
using Concierge.Cps.Legs;
using Concierge.Cps.Records;

namespace Concierge.Cps.Engine;

public sealed partial class CpsEngine
{
    private readonly List<CpsCall> _lingering = new();
    private readonly HashSet<LegId> _loopBacks = new();

    /// <summary>How long an answered loop call is kept before the CPS clears it itself.</summary>
    public static readonly TimeSpan LoopBackHoldTime = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A new leg arrived on the trunk for <paramref name="called"/>: a pilot number, a personal line, a request
    /// number (a call moving into the processing queue), a callback number (someone taking a paged call) or the
    /// loop number (the standby's probe). <paramref name="meantFor"/> is the office user whose forwarding sent the call
    /// here (an intercept call, C 4.3.4), when the PBX said so.
    /// </summary>
    public void OnIncomingLeg(LegId leg, E164Number called, string caller, CallType type = CallType.Standard, E164Number? meantFor = null)
    {
        if (_legIndex.ContainsKey(leg))
        {
            IgnoredInputs++;
            return;
        }
        if (IsInConfigMode)
        {
            CallsRefusedInConfigMode++;
            Trace($"{leg} to {called} refused: config mode");
            _legs.Reject(leg, RejectReason.ConfigMode);
            return;
        }
        if (!IsActive)
        {
            Trace($"{leg} to {called} refused: CPS not active");
            _legs.Reject(leg, RejectReason.Unavailable);
            return;
        }
        if (_config.Ranges.Loop is { } loop && called == loop)
        {
            // Loop-back: answer and let the standby hang up (a BYE sent at once can overtake the 200 on a jittery
            // network); clear it ourselves only if the standby does not.
            Trace($"{leg} loop call answered with loop-back");
            _legs.Answer(leg, MediaSource.Silence);
            _loopBacks.Add(leg);
            After(LoopBackHoldTime, () => { if (_loopBacks.Remove(leg)) _legs.Release(leg); });
            return;
        }
        if (_pendingMoves.ContainsKey(called))
        {
            ArriveOnRequestNumber(leg, called);
            return;
        }
        if (_pagedCalls.ContainsKey(called))
        {
            PickUpPagedCall(leg, called, caller);
            return;
        }
        if (_config.Ranges.Request.Contains(called) || _config.Ranges.Callback.Contains(called))
        {
            Trace($"{leg} to internal number {called} refused: not in use");
            _legs.Reject(leg, RejectReason.NotFound);
            return;
        }
        var entry = _config.FindDdiEntry(called);
        if (entry is not null && !entry.RoutedByOscc)
        {
            AcceptPilotCall(leg, entry, caller, type, meantFor);
            return;
        }
        var owner = _attendants.Values.FirstOrDefault(a => a.Place.PersonalLine == called);
        if (owner is not null)
        {
            // The CPS's own ringing offer to the attendant, diverted back by a forwarding to the personal line the PBX
            // still has (its clearing was lost with the CSTA link): answering it would connect the caller to the CPS
            // itself, or offer the call again, for ever. Refused: the offer fails and the call goes back to its queue.
            if (owner.CurrentCall is { Phase: CallPhase.Offered, Joining: false, PartnerLeg: not null } offered && offered.Caller == caller)
            {
                OwnOffersDivertedBack++;
                offered.Record.Note(Now, $"the offer to {owner.Device} came back on its personal line: refused");
                Trace($"{leg} to {called} refused: the offer of call {offered.Id} to {owner.Device} diverted back to the CPS");
                _legs.Reject(leg, RejectReason.Busy);
                return;
            }
            AcceptPersonalLineCall(leg, owner, caller);
            return;
        }
        Trace($"{leg} to {called} refused: number not in service");
        _legs.Reject(leg, RejectReason.NotFound);
    }

    private void AcceptPilotCall(LegId leg, DdiEntry entry, string caller, CallType type, E164Number? meantFor)
    {
        var tenant = _config.FindTenant(entry.Tenant) ?? _defaultTenant;
        var priority = entry.Priority ?? PriorityOf(tenant, type);
        var call = NewCall(leg, entry.Pilot, caller, type, priority, entry, null, _config.EffectiveTimes(entry));
        if (type == CallType.Intercept)
        {
            call.Record.MeantFor = meantFor;
            call.Record.Note(Now, meantFor is { } user ? $"intercept call meant for {user}" : "intercept call (the PBX did not say for whom)");
        }
        if (_activeNightVariants.TryGetValue(entry.Pilot, out var variantName) && _config.FindVariant(variantName) is { } night)
        {
            call.Record.Note(Now, $"night variant \"{night.Name}\"");
            ApplyVariant(call, night, isOverflow: false);
            return;
        }
        if (!AdmitToQueue(call)) return;
        _callerQueues[entry.Pilot].Add(call);
        StartWaiting(call);
    }

    private void AcceptPersonalLineCall(LegId leg, Attendants.AttendantSession owner, string caller)
    {
        var call = NewCall(leg, owner.Place.PersonalLine, caller, CallType.PersonalLine, _defaultTenant.Priorities.PersonalLine, null, owner.Place, _defaultTenant.Times);
        if (!AdmitToQueue(call)) return;
        owner.PersonalQueue.Add(call);
        StartWaiting(call);
    }

    private CpsCall NewCall(LegId leg, E164Number called, string caller, CallType type, int priority, DdiEntry? entry, Attendant? owner, TenantTimes times)
    {
        var record = new CallRecord(++_nextCallId, caller, called, Now) { Type = type };
        _records.Add(record);
        var call = new CpsCall(record, type, priority, entry, owner, times) { CallerLeg = leg };
        _legIndex[leg] = (call, LegRole.Caller);
        _liveCalls.Add(call);
        record.Note(Now, $"arrived on {leg} as {type}");
        Trace($"call {call.Id} from {caller} to {called} on {leg}");
        return call;
    }

    private static int PriorityOf(Tenant tenant, CallType type) => type switch
    {
        CallType.Internal => tenant.Priorities.Internal,
        CallType.Intercept => tenant.Priorities.Intercept,
        CallType.PersonalLine => tenant.Priorities.PersonalLine,
        CallType.Recall => tenant.Priorities.Recall,
        _ => tenant.Priorities.Standard,
    };

    /// <summary>Takes a processing channel for a new call, or applies the DDI entry's overload handling.</summary>
    private bool AdmitToQueue(CpsCall call)
    {
        call.CallerChannel = TakeChannel(ChannelKind.Processing, $"call {call.Id}");
        if (call.CallerChannel is not null) return true;
        var overload = call.Entry?.Overload ?? OverloadSettings.Busy;
        call.Record.Note(Now, "overload: no processing channel free");
        Trace($"call {call.Id} overload ({overload.Action})");
        if (overload.Action == OverloadAction.Forward && overload.Destination is { } destination)
        {
            _legs.Forward(call.CallerLeg!.Value, destination);
            ForgetLeg(call.CallerLeg.Value);
            call.CallerLeg = null;
            End(call, CallDisposition.Forwarded);
        }
        else
        {
            _legs.Reject(call.CallerLeg!.Value, RejectReason.Busy);
            ForgetLeg(call.CallerLeg.Value);
            call.CallerLeg = null;
            End(call, CallDisposition.Busy);
        }
        return false;
    }

    /// <summary>Ring time, then answer with the start announcement or music; the queue timer runs from arrival.</summary>
    private void StartWaiting(CpsCall call)
    {
        call.Phase = CallPhase.Queued;
        call.QueueTimer = After(call.Times.MaxTimeInIncomingQueue, () => OnMaxTimeInQueue(call));
        if (call.Times.RingTime > TimeSpan.Zero)
        {
            _legs.Ring(call.CallerLeg!.Value);
            call.CallerHears = MediaSource.Ringback;
            call.StepTimer = After(call.Times.RingTime, () => AnswerWaitingCaller(call));
        }
        else
        {
            AnswerWaitingCaller(call);
        }
        Notify(CpsNotificationKind.CallChanged, $"call {call.Id} queued at {call.Called}");
    }

    private void AnswerWaitingCaller(CpsCall call)
    {
        if (call.Phase != CallPhase.Queued || call.CallerLeg is not { } leg) return;
        var start = call.Entry?.StartAnnouncement ?? TenantOf(call).Announcements.StartAnnouncement;
        var media = start is null ? MediaSource.Music(MusicFor(call)) : MediaSource.Announcement(start);
        _legs.Answer(leg, media);
        call.CallerAnswered = true;
        call.CallerHears = media;
        if (start is not null)
        {
            call.StartAnnouncementPlaying = true;
            call.StepTimer = After(DurationOf(start, TimeSpan.FromSeconds(5)), () =>
            {
                call.StartAnnouncementPlaying = false;
                if (call.Phase is CallPhase.Queued or CallPhase.Offered && call.CallerHears.Kind == MediaKind.Announcement)
                    PlayToCaller(call, MediaSource.Music(MusicFor(call)));
                Distribute();
            });
        }
        Distribute();
    }

    private void PlayToCaller(CpsCall call, MediaSource media)
    {
        if (call.CallerLeg is not { } leg) return;
        _legs.Play(leg, media);
        call.CallerHears = media;
    }

    private void OnMaxTimeInQueue(CpsCall call)
    {
        if (call.Phase != CallPhase.Queued) return;
        var variant = call.Entry is { } entry ? _config.EffectiveTimeOverflowVariant(entry) : _config.FindVariant(_defaultTenant.TimeOverflowVariant ?? "");
        if (variant is null)
        {
            call.Record.Note(Now, "max time in queue reached; no time overflow variant, keeps waiting");
            return;
        }
        call.Record.Note(Now, $"max time in queue reached: time overflow variant \"{variant.Name}\"");
        RemoveFromQueues(call);
        ApplyVariant(call, variant, isOverflow: true);
    }

    /// <summary>Busy, Announcement or Forwarding (C 8.7) for a call that is not (or no longer) queued.</summary>
    private void ApplyVariant(CpsCall call, NightVariant variant, bool isOverflow)
    {
        var leg = call.CallerLeg!.Value;
        call.CancelTimers();
        switch (variant.Mode)
        {
            case VariantMode.Forwarding when variant.ForwardingDestination is { } destination:
                Trace($"call {call.Id} forwarded to {destination} by \"{variant.Name}\"");
                _legs.Forward(leg, destination);
                ForgetLeg(leg);
                call.CallerLeg = null;
                ReleaseChannel(call.CallerChannel);
                End(call, isOverflow ? CallDisposition.Overflow : CallDisposition.Forwarded);
                break;
            case VariantMode.Announcement when variant.Announcement is { } announcement
                                               && (call.CallerChannel ??= TakeChannel(ChannelKind.Processing, $"announcement for call {call.Id}")) is not null:
                Trace($"call {call.Id} hears \"{announcement}\" by \"{variant.Name}\"");
                var media = MediaSource.Announcement(announcement);
                if (call.CallerAnswered) _legs.Play(leg, media);
                else _legs.Answer(leg, media);
                call.CallerAnswered = true;
                call.CallerHears = media;
                End(call, isOverflow ? CallDisposition.Overflow : CallDisposition.Announcement);
                Linger(call, DurationOf(announcement, TimeSpan.FromSeconds(6)));
                break;
            default:
                Trace($"call {call.Id} gets busy by \"{variant.Name}\"");
                if (call.CallerAnswered)
                {
                    _legs.Play(leg, MediaSource.BusyTone);
                    call.CallerHears = MediaSource.BusyTone;
                    End(call, isOverflow ? CallDisposition.Overflow : CallDisposition.Busy);
                    Linger(call, FinalToneLimit);
                }
                else
                {
                    _legs.Reject(leg, RejectReason.Busy);
                    call.CallerHears = MediaSource.BusyTone;
                    ForgetLeg(leg);
                    call.CallerLeg = null;
                    ReleaseChannel(call.CallerChannel);
                    End(call, isOverflow ? CallDisposition.Overflow : CallDisposition.Busy);
                }
                break;
        }
    }

    /// <summary>An ended call whose caller still hears a final tone or announcement; the CPS clears it after a while.</summary>
    private void Linger(CpsCall call, TimeSpan clearAfter)
    {
        _lingering.Add(call);
        call.StepTimer = After(clearAfter, () =>
        {
            if (call.CallerLeg is { } leg)
            {
                _legs.Release(leg);
                DropLingeringLeg(call, leg);
            }
        });
    }

    private void DropLingeringLeg(CpsCall call, LegId leg)
    {
        ForgetLeg(leg);
        call.CallerLeg = null;
        ReleaseChannel(call.CallerChannel);
        call.CallerChannel = null;
        call.StepTimer?.Dispose();
        _lingering.Remove(call);
    }

    private void RemoveFromQueues(CpsCall call)
    {
        foreach (var queue in _callerQueues.Values) queue.Remove(call);
        foreach (var attendant in _attendants.Values) attendant.PersonalQueue.Remove(call);
    }

    private void ForgetLeg(LegId leg) => _legIndex.Remove(leg);

    private void End(CpsCall call, CallDisposition disposition)
    {
        RemoveFromQueues(call);
        CancelPendingMove(call);
        call.Phase = CallPhase.Ended;
        call.Processing = null;
        call.CancelTimers();
        call.Record.End(Now, disposition);
        _liveCalls.Remove(call);
        Trace($"call {call.Id} ended {disposition.ToString().ToLowerInvariant()}");
        Notify(CpsNotificationKind.CallChanged, $"call {call.Id} ended {disposition}");
    }
}
