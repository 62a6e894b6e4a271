using Concierge.Config.Numbers;
using Concierge.Cps.Attendants;
using Concierge.Cps.Calls;

namespace Concierge.Cps.Engine;

public sealed partial class CpsEngine
{
    /// <summary>
    /// The PBX reports (OSV private data V8 on the CSTA link) that <paramref name="ons"/> is a Unify Phone ONS used
    /// through <paramref name="ond"/>. Unless the ONS/OND pair is registered in Concierge (with that OND), the attendant
    /// there can log on but cannot dial, answer, clear, transfer or consult (C 4.3.5.2).
    /// </summary>
    public void DeclareUnifyPhoneOns(E164Number ons, E164Number ond)
    {
        if (!_attendants.TryGetValue(ons, out var attendant)) return;
        var registered = _config.FindUnifyPhonePair(ons);
        attendant.UnifyPhoneOnd = ond;
        attendant.CanControlCalls = registered is not null && registered.Ond == ond;
        Trace(registered is null ? $"{ons} is a Unify Phone ONS (OND {ond}), pair not registered"
            : registered.Ond == ond ? $"{ons} is a Unify Phone ONS (OND {ond}), pair registered"
            : $"{ons} is a Unify Phone ONS (OND {ond}), but the registered pair names OND {registered.Ond}");
    }

    /// <summary>
    /// The PBX no longer reports <paramref name="device"/> as a Unify Phone ONS (its monitor started again without V8
    /// private data): it is an ordinary attendant device again.
    /// </summary>
    public void WithdrawUnifyPhoneOns(E164Number device)
    {
        if (!_attendants.TryGetValue(device, out var attendant) || attendant.UnifyPhoneOnd is null) return;
        attendant.UnifyPhoneOnd = null;
        attendant.CanControlCalls = true;
        Trace($"{device} is no longer reported as a Unify Phone ONS");
    }

    /// <summary>How long the CPS waits for the PBX to report a released call cleared before it pushes calls again.</summary>
    public static readonly TimeSpan ClearConfirmationTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Logs an attendant on at <paramref name="device"/>, available or not.</summary>
    public CommandResult LogOn(E164Number device, bool available = true)
    {
        if (RefusedInConfigMode("log on", out var configMode)) return configMode;
        if (!_attendants.TryGetValue(device, out var attendant)) return CommandResult.Refused($"{device} is not a configured attendant device");
        attendant.IdleSince = Now;
        SetState(attendant, available ? AttendantState.Available : AttendantState.Unavailable);
        Distribute();
        return CommandResult.Ok;
    }

    /// <summary>Logs an attendant off; a call it is offered goes back to its queue.</summary>
    public CommandResult LogOff(E164Number device)
    {
        if (RefusedInConfigMode("log off", out var configMode)) return configMode;
        if (!TryGetLoggedOn(device, out var attendant, out var refused)) return refused;
        // A ringing offer comes back to the queue; one whose phone has answered is being joined by the PBX already
        // (the caller talks to the attendant in a moment whatever the CPS does): it connects, like a call in progress.
        if (attendant.CurrentCall is { Phase: CallPhase.Offered, Joining: false } offered) TakeBackOffer(offered, attendant);
        SetState(attendant, AttendantState.LoggedOff);
        Distribute();
        return CommandResult.Ok;
    }

    /// <summary>Makes a logged-on attendant available for pushed calls.</summary>
    public CommandResult BecomeAvailable(E164Number device)
    {
        if (RefusedInConfigMode("available", out var configMode)) return configMode;
        if (!TryGetLoggedOn(device, out var attendant, out var refused)) return refused;
        SetState(attendant, AttendantState.Available);
        Distribute();
        return CommandResult.Ok;
    }

    /// <summary>Stops pushed calls to a logged-on attendant.</summary>
    public CommandResult BecomeUnavailable(E164Number device)
    {
        if (RefusedInConfigMode("unavailable", out var configMode)) return configMode;
        if (!TryGetLoggedOn(device, out var attendant, out var refused)) return refused;
        SetState(attendant, AttendantState.Unavailable);
        return CommandResult.Ok;
    }

    /// <summary>Takes a specific waiting call (pick only, or picking out of order).</summary>
    public CommandResult Pick(E164Number device, CpsCall call)
    {
        if (RefusedInConfigMode("pick", out var configMode)) return configMode;
        if (DeferBehindRelease(device, () => Pick(device, call)) is { } deferred) return deferred;
        if (!TryGetFreeController(device, out var attendant, out var refused)) return refused;
        if (call.Phase != CallPhase.Queued) return CommandResult.Refused($"{call} is not waiting in a queue");
        if (call.PersonalLineOwner is { } owner && owner.Device != device) return CommandResult.Refused($"{call} waits on the personal line of {owner.Device}");
        if (!call.CallerAnswered) return CommandResult.Refused($"{call} is still in its ring time");
        return Offer(call, attendant) ? CommandResult.Ok : CommandResult.Refused("no operational channel is free");
    }

    /// <summary>Takes the call that would be served next.</summary>
    public CommandResult PickNext(E164Number device)
    {
        if (RefusedInConfigMode("pick next", out var configMode)) return configMode;
        if (DeferBehindRelease(device, () => PickNext(device)) is { } deferred) return deferred;
        if (!TryGetFreeController(device, out var attendant, out var refused)) return refused;
        var call = BestCallFor(attendant, pushedOnly: false);
        if (call is null) return CommandResult.Refused("no call is waiting");
        return Offer(call, attendant) ? CommandResult.Ok : CommandResult.Refused("no operational channel is free");
    }

    /// <summary>
    /// Answers the call ringing at the attendant's phone from the attendant client (CSTA answer at the device): for a
    /// phone that does not answer pushed calls by itself. The PBX connects the call; the CPS then joins it as usual.
    /// </summary>
    public CommandResult Answer(E164Number device)
    {
        if (RefusedInConfigMode("answer", out var configMode)) return configMode;
        if (!TryGetController(device, out var attendant, out var refused)) return refused;
        if (attendant.CurrentCall is not { Phase: CallPhase.Offered } offered) return CommandResult.Refused($"no call rings at {device}");
        if (offered.Joining) return CommandResult.Ok; // the phone has answered already
        if (SipOnly) return CommandResult.Refused("answering from the client needs the CSTA link: this CPS runs SIP only; answer at the phone");
        offered.Record.Note(Now, $"answered from the client at {device}");
        _pbx.AnswerAlertingCall(device);
        return CommandResult.Ok;
    }

    /// <summary>Clears the attendant's current call (the PBX reports the end, which frees the attendant).</summary>
    public CommandResult Release(E164Number device)
    {
        if (RefusedInConfigMode("release", out var configMode)) return configMode;
        if (Defer(device, () => Release(device)) is { } deferred) return deferred;
        if (!TryGetConnectedCall(device, out var attendant, out var call, out var refused)) return refused;
        if (IsMoving(call)) return CommandResult.Refused($"{call} is on its way to the processing queue");
        if (IsBridged(call))
        {
            EndBridgedCall(call, $"released by {attendant.Device}");
            return CommandResult.Ok;
        }
        call.Record.Note(Now, $"released by {attendant.Device}");
        // The call is over for the CPS at once; the PBX clears it and reports the device free (ClearingCall until then).
        _pbx.ClearActiveCall(device);
        attendant.CurrentCall = null;
        attendant.IdleSince = Now;
        attendant.ClearingCall = true;
        var clearing = attendant;
        After(ClearConfirmationTimeout, () =>
        {
            if (!clearing.ClearingCall) return;
            clearing.ClearingCall = false;
            DialWaitingOffer(clearing);
            Distribute();
        });
        SetPersonalForwarding(attendant, on: false);
        End(call, Cps.Records.CallDisposition.Answered);
        return CommandResult.Ok;
    }

    /// <summary>
    /// A command for a call the PBX is still connecting to the attendant (its phone answered, the join is under way)
    /// waits for the connection and then runs; null when the command can run now.
    /// </summary>
    private CommandResult? Defer(E164Number device, Func<CommandResult> command)
    {
        if (!_attendants.TryGetValue(device, out var attendant) || attendant.CurrentCall is not { Phase: CallPhase.Offered, Joining: true } joining) return null;
        if (joining.DeferredCommands.Count >= MaxDeferredCommands) return CommandResult.Refused($"{joining} is being connected and already has commands waiting");
        joining.DeferredCommands.Add(command);
        joining.Record.Note(Now, "command waits for the call to be connected");
        return CommandResult.Ok;
    }

    /// <summary>A command for a new call waits when the attendant's current call is being connected and already set to be released.</summary>
    private CommandResult? DeferBehindRelease(E164Number device, Func<CommandResult> command) =>
        _attendants.TryGetValue(device, out var attendant) && attendant.CurrentCall is { Phase: CallPhase.Offered, Joining: true, DeferredCommands.Count: > 0 }
            ? Defer(device, command)
            : null;

    /// <summary>Most commands that may wait for one call to be connected.</summary>
    private const int MaxDeferredCommands = 4;

    private bool TryGetLoggedOn(E164Number device, out AttendantSession attendant, out CommandResult refused)
    {
        refused = CommandResult.Ok;
        if (!_attendants.TryGetValue(device, out attendant!))
        {
            refused = CommandResult.Refused($"{device} is not a configured attendant device");
            return false;
        }
        if (attendant.State == AttendantState.LoggedOff)
        {
            refused = CommandResult.Refused($"no attendant is logged on at {device}");
            return false;
        }
        return true;
    }

    private bool TryGetController(E164Number device, out AttendantSession attendant, out CommandResult refused)
    {
        if (!TryGetLoggedOn(device, out attendant, out refused)) return false;
        if (!attendant.CanControlCalls)
        {
            refused = CommandResult.Refused($"{device} is a Unify Phone ONS without a registered ONS/OND pair: it cannot dial, answer, clear, transfer or consult");
            return false;
        }
        return true;
    }

    private bool TryGetFreeController(E164Number device, out AttendantSession attendant, out CommandResult refused)
    {
        if (!TryGetController(device, out attendant, out refused)) return false;
        if (attendant.CurrentCall is not null)
        {
            refused = CommandResult.Refused($"{device} already handles {attendant.CurrentCall}");
            return false;
        }
        return true;
    }

    private bool TryGetConnectedCall(E164Number device, out AttendantSession attendant, out CpsCall call, out CommandResult refused)
    {
        call = null!;
        if (!TryGetController(device, out attendant, out refused)) return false;
        if (attendant.CurrentCall is not { Phase: CallPhase.Connected } current)
        {
            refused = CommandResult.Refused($"{device} is not talking to a Concierge call");
            return false;
        }
        call = current;
        return true;
    }
}
