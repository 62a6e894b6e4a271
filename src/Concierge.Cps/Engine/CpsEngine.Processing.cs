using Concierge.Config.Numbers;
using Concierge.Cps.Calls;
using Concierge.Cps.Channels;
using Concierge.Cps.Legs;
using Concierge.Cps.Records;

namespace Concierge.Cps.Engine;

public sealed partial class CpsEngine
{
    /// <summary>Parks the attendant's call on the CPS (music on hold, processing queue).</summary>
    public CommandResult Park(E164Number device) => MoveToProcessing(device, ProcessingState.Parked, null);

    /// <summary>Puts the attendant's call on hold on the CPS.</summary>
    public CommandResult Hold(E164Number device) => MoveToProcessing(device, ProcessingState.Held, null);

    /// <summary>Supervised transfer: the caller waits on the CPS while a second channel rings <paramref name="target"/>.</summary>
    public CommandResult Transfer(E164Number device, E164Number target) => MoveToProcessing(device, ProcessingState.Transferring, target);

    /// <summary>Parks the call on a callback number and pages <paramref name="target"/>, who takes it by dialling that number.</summary>
    public CommandResult Page(E164Number device, E164Number target)
    {
        if (RefusedInConfigMode("page", out var configMode)) return configMode;
        var tenant = _attendants.TryGetValue(device, out var pager) && pager.CurrentCall is { } current ? TenantOf(current) : _defaultTenant;
        if (!tenant.Paging.Enabled) return CommandResult.Refused($"paging is not enabled for tenant {tenant.Name}");
        if (_pagedCalls.Count >= Math.Max(1, tenant.Paging.MaxParkedCalls)) return CommandResult.Refused($"already {_pagedCalls.Count} calls parked for paging");
        return MoveToProcessing(device, ProcessingState.Paging, target);
    }

    /// <summary>Brings a call from the processing queue back to the attendant at <paramref name="device"/>.</summary>
    public CommandResult Retrieve(E164Number device, CpsCall call)
    {
        if (RefusedInConfigMode("retrieve", out var configMode)) return configMode;
        if (DeferBehindRelease(device, () => Retrieve(device, call)) is { } deferred) return deferred;
        if (!TryGetFreeController(device, out var attendant, out var refused)) return refused;
        if (call.Phase != CallPhase.Processing || call.CallerLeg is null) return CommandResult.Refused($"{call} is not in the processing queue");
        if (!SameTenant(call, attendant)) return CommandResult.Refused($"{call} belongs to tenant {TenantOf(call).Name}, not to {device}'s tenant {TenantOf(attendant).Name}");
        if (call.PickedUpBy is { } picker && call.PartnerLeg is not null) return CommandResult.Refused($"{call} is being taken by {picker}, who dialled its callback number");
        // The target has answered and the PBX is joining it with the caller: that cannot be taken back.
        if (call.Processing == ProcessingState.Transferring && call.Joining) return CommandResult.Refused($"{call} is being connected to {call.Target}, who answered");
        if (call.Processing == ProcessingState.Transferring) StopTransferLeg(call);
        if (call.Processing == ProcessingState.Paging) EndPaging(call);
        call.Record.Note(Now, $"retrieved by {device}");
        return Offer(call, attendant) ? CommandResult.Ok : CommandResult.Refused("no operational channel is free");
    }

    /// <summary>The callback number a paged call is parked on, or null.</summary>
    public E164Number? CallbackNumberOf(CpsCall call) => call.CallbackNumber;

    private CommandResult MoveToProcessing(E164Number device, ProcessingState intent, E164Number? target)
    {
        if (RefusedInConfigMode("move to processing", out var configMode)) return configMode;
        if (Defer(device, () => MoveToProcessing(device, intent, target)) is { } deferred) return deferred;
        if (!TryGetConnectedCall(device, out _, out var call, out var refused)) return refused;
        if (IsMoving(call)) return CommandResult.Refused($"{call} is already on its way to the processing queue");
        if (IsBridged(call))
        {
            call.Target = target;
            MoveBridgedToProcessing(call, intent, device);
            return CommandResult.Ok;
        }
        var requestNumber = RequestNumbers.TryTake();
        if (requestNumber is not { } number) return CommandResult.Refused("no request number is free");
        var timeout = After(RequestNumberTimeout, () => OnMoveTimedOut(number));
        _pendingMoves[number] = new PendingMove(call, intent, target, device, timeout);
        call.Target = target;
        call.Record.Note(Now, $"{device} moves the call to the processing queue ({intent}) over {number}");
        Trace($"call {call.Id} to processing ({intent}) over request number {number}");
        _pbx.TransferActiveCall(device, number);
        return CommandResult.Ok;
    }

    private bool IsMoving(CpsCall call) => _pendingMoves.Values.Any(m => m.Call == call);

    /// <summary>A call that ends while on its way to the processing queue frees its request number at once.</summary>
    private void CancelPendingMove(CpsCall call)
    {
        foreach (var (number, move) in _pendingMoves.Where(m => m.Value.Call == call).ToList())
        {
            _pendingMoves.Remove(number);
            move.Timeout.Dispose();
            RequestNumbers.Return(number);
            call.Record.Note(Now, $"request number {number} given back: the call ended on its way to the processing queue");
        }
    }

    private void OnMoveTimedOut(E164Number number)
    {
        if (!_pendingMoves.Remove(number, out var move)) return;
        RequestNumbers.Return(number);
        move.Call.Record.Note(Now, $"the call did not arrive on request number {number}; it stays with {move.Attendant}");
        Trace($"request number {number} timed out");
        // The switch may have taken the call from the attendant and lost it on the way (the CPS's endpoint was out of
        // service: swarm seed 77); that call would stay with the attendant for ever. The PBX is asked: when the
        // attendant is in no call there, the call has ended.
        if (_attendants.TryGetValue(move.Attendant, out var attendant) && attendant.CurrentCall == move.Call) _pbx.ConfirmActiveCall(move.Attendant);
    }

    private void ArriveOnRequestNumber(LegId leg, E164Number number)
    {
        _pendingMoves.Remove(number, out var move);
        RequestNumbers.Return(number);
        move!.Timeout.Dispose();
        var call = move.Call;
        // Processing channels hold processing-queue calls; when they are exhausted an operational one carries it,
        // because overload never applies to calls the attendants move (C 6.3.1.3).
        var channel = TakeChannel(ChannelKind.Processing, $"call {call.Id} in processing queue")
                      ?? TakeChannel(ChannelKind.Operational, $"call {call.Id} in processing queue (operational)");
        if (channel is null)
        {
            call.Record.Note(Now, "no channel free for the processing queue");
            _legs.Reject(leg, RejectReason.Busy);
            FreeAttendantOf(call);
            End(call, CallDisposition.Failed);
            return;
        }
        FreeAttendantOf(call);
        call.CallerLeg = leg;
        call.CallerChannel = channel;
        _legIndex[leg] = (call, LegRole.Caller);
        var music = MediaSource.Music(MusicFor(call));
        _legs.Answer(leg, music);
        call.CallerAnswered = true;
        call.CallerHears = music;
        call.Phase = CallPhase.Processing;
        call.ProcessingSince = Now;
        call.Processing = move.Intent;
        call.Record.Note(Now, $"in processing queue as {move.Intent.ToString().ToLowerInvariant()} on {leg}");
        Trace($"call {call.Id} in processing queue as {move.Intent}");
        Notify(CpsNotificationKind.CallChanged, $"call {call.Id} {move.Intent}");
        if (move.Intent == ProcessingState.Transferring) StartTransfer(call, move.Attendant);
        else if (move.Intent == ProcessingState.Paging) StartPaging(call);
        Distribute();
    }

    /// <summary>
    /// SIP only: the caller's leg is on the CPS already, so parking, holding, transferring or paging needs no request
    /// number; the attendant's leg is released, its channel freed, and the caller hears music in the processing queue.
    /// </summary>
    private void MoveBridgedToProcessing(CpsCall call, ProcessingState intent, E164Number attendantDevice)
    {
        ReleaseBridgedAttendantLeg(call);
        ReleaseChannel(call.PartnerChannel);
        call.PartnerChannel = null;
        FreeAttendantOf(call);
        PlayToCaller(call, MediaSource.Music(MusicFor(call)));
        call.Phase = CallPhase.Processing;
        call.ProcessingSince = Now;
        call.Processing = intent;
        call.Record.Note(Now, $"{attendantDevice} moves the bridged call to the processing queue as {intent.ToString().ToLowerInvariant()}");
        Trace($"call {call.Id} in processing queue as {intent} (bridged)");
        Notify(CpsNotificationKind.CallChanged, $"call {call.Id} {intent}");
        if (intent == ProcessingState.Transferring) StartTransfer(call, attendantDevice);
        else if (intent == ProcessingState.Paging) StartPaging(call);
        Distribute();
    }

    private void StartTransfer(CpsCall call, E164Number chargedTo)
    {
        var channel = TakeChannel(ChannelKind.Processing, $"transfer leg of call {call.Id}")
                      ?? TakeChannel(ChannelKind.Operational, $"transfer leg of call {call.Id} (operational)");
        if (channel is null)
        {
            call.Record.Note(Now, "no channel free to ring the transfer target");
            call.Processing = ProcessingState.Held;
            return;
        }
        var leg = _legs.Dial(call.Target!.Value, chargedTo, call.Caller);
        call.PartnerLeg = leg;
        call.PartnerChannel = channel;
        _legIndex[leg] = (call, LegRole.TransferTarget);
        call.StepTimer?.Dispose();
        call.StepTimer = After(call.Times.MaxTransferTime, () =>
        {
            if (call.Processing != ProcessingState.Transferring) return;
            call.Record.Note(Now, $"{call.Target} not reached within the max transfer time of {call.Times.MaxTransferTime.TotalSeconds:0.#} s");
            StopTransferLeg(call);
            EndTransferAttempt(call);
        });
        call.Record.Note(Now, $"rings transfer target {call.Target} on {leg}");
    }

    private void StopTransferLeg(CpsCall call)
    {
        if (call.PartnerLeg is { } leg)
        {
            _legs.Release(leg);
            ForgetLeg(leg);
            call.PartnerLeg = null;
        }
        ReleaseChannel(call.PartnerChannel);
        call.PartnerChannel = null;
        call.StepTimer?.Dispose();
        call.StepTimer = null;
    }

    /// <summary>The target was not reached: the call stays in the processing queue, held, for the attendants.</summary>
    private void EndTransferAttempt(CpsCall call)
    {
        ReleaseChannel(call.PartnerChannel);
        call.PartnerChannel = null;
        call.StepTimer?.Dispose();
        call.StepTimer = null;
        call.Processing = ProcessingState.Held;
        Notify(CpsNotificationKind.CallChanged, $"call {call.Id} held after a failed transfer");
    }

    private void StartPaging(CpsCall call)
    {
        var callback = CallbackNumbers.TryTake();
        if (callback is not { } number)
        {
            call.Record.Note(Now, "no callback number free for paging");
            call.Processing = ProcessingState.Held;
            return;
        }
        call.CallbackNumber = number;
        _pagedCalls[number] = call;
        call.Record.Note(Now, $"paging {call.Target} on callback number {number}");
        Trace($"call {call.Id} paged: {call.Target} dials {number}");
        // The caller waits with music; the paging announcement goes to the paging system for the wanted person.
        var announcement = TenantOf(call).Paging.Announcement ?? "paging";
        Notify(CpsNotificationKind.PagingAnnounced, $"\"{announcement}\" for {call.Target}: dial {number}");
    }

    private void EndPaging(CpsCall call)
    {
        if (call.CallbackNumber is { } number && _pagedCalls.Remove(number)) CallbackNumbers.Return(number);
        call.CallbackNumber = null;
        call.StepTimer?.Dispose();
        call.StepTimer = null;
    }

    private void PickUpPagedCall(LegId leg, E164Number callback, string caller)
    {
        var call = _pagedCalls[callback];
        var channel = TakeChannel(ChannelKind.Operational, $"pickup of call {call.Id}")
                      ?? TakeChannel(ChannelKind.Processing, $"pickup of call {call.Id} (processing)");
        if (channel is null || call.CallerLeg is not { } callerLeg)
        {
            _legs.Reject(leg, RejectReason.Busy);
            return;
        }
        EndPaging(call);
        call.PickedUpBy = caller;
        call.PartnerLeg = leg;
        call.PartnerChannel = channel;
        _legIndex[leg] = (call, LegRole.Pickup);
        call.Record.Note(Now, $"{caller} takes the paged call on {callback}");
        _legs.Answer(leg, MediaSource.Silence);
        _legs.Join(callerLeg, leg);
    }
}
