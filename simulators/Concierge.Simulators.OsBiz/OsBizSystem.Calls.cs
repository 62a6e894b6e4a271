using System.Net;
using Concierge.Runtime.Loop;
using Concierge.Simulators.OsBiz.Calls;
using Concierge.Simulators.OsBiz.Routing;
using Concierge.Simulators.OsBiz.Stations;
using Concierge.Simulators.OsBiz.Users;
using Concierge.Simulators.Phones.Sip;
using Concierge.Sip.Message;
using Concierge.Sip.UserAgent;

namespace Concierge.Simulators.OsBiz;

public sealed partial class OsBizSystem
{
    /// <summary>Most calls tracked; ended ones are dropped first.</summary>
    public const int MaxCalls = 4096;

    private readonly List<SipCall> _clientCalls = [];
    private readonly List<PublicCall> _publicCalls = [];
    private readonly Dictionary<IPEndPoint, byte[]> _sdpCache = new();
    private int _nextCallId;
    private int _nextRtpPort = 30000;

    /// <summary>Unify Phone calls holding a trunk line now: client calls and calls ringing or connected at a Unify Phone.</summary>
    public int LinesInUse => _clientCalls.Count(c => !c.IsEnded) + _publicCalls.Count(c => c.UnifyPhoneLeg is { IsEnded: false });

    /// <summary>Lines usable: the configured trunk lines within what the upstream carries.</summary>
    public int LinesAvailable => Math.Min(TrunkLines, SimultaneousCallsAllowed);

    /// <summary>Calls the Unify Phone clients placed, refused and accepted, with their FAQ cause when refused (the newest, bounded).</summary>
    public IReadOnlyList<(string From, string To, NoCallsCause? Refused)> ClientCallLog => _clientLog;

    private readonly List<(string From, string To, NoCallsCause? Refused)> _clientLog = [];

    /// <summary>The calls from the public network.</summary>
    public IReadOnlyList<PublicCall> PublicCalls => _publicCalls;

    /// <summary>
    /// Why a Unify Phone call of <paramref name="user"/> is not possible now, in the FAQ's order of checks (U 5.3), or
    /// null: software support, the route flag, the station type, the licenses, the numbering plan, Expert Mode edits,
    /// then a free trunk line.
    /// </summary>
    public NoCallsCause? Admit(UnifyPhoneUserInstance user)
    {
        if (!SoftwareSupport) return NoCallsCause.NoSoftwareSupport;
        if (!RouteTrustedExternalUsers) return NoCallsCause.RouteFlagOff;
        if (user.Kind != StationKind.TrustedExternalUser) return NoCallsCause.NotTrustedExternalUser;
        if (!user.Licensed || !LicensesValid) return NoCallsCause.NoLicense;
        if (!user.Number.IsValid || user.MobileCallNumber != user.Number.TrunkNumber) return NoCallsCause.NumberNotInNumberingPlan;
        if (user.ChangedInExpertMode) return NoCallsCause.ExpertModeChange;
        if (LinesInUse >= LinesAvailable) return NoCallsCause.NoFreeTrunkLine;
        return null;
    }

    private void OnClientCall(SipCall call)
    {
        var from = call.Invite.From?.Uri.User ?? "";
        var to = call.Invite.RequestUri.User ?? "";
        var user = _users.Values.FirstOrDefault(u => u.Number.TrunkNumber == from) ?? _users.Values.FirstOrDefault(u => u.MobileCallNumber == from);
        if (user is null)
        {
            Trunk.Ua.Reject(call, 404, "No Unify Phone user with this number");
            return;
        }
        if (_clientCalls.Count(c => !c.IsEnded) >= MaxCalls)
        {
            Trunk.Ua.Reject(call, 503, "Too many calls");
            return;
        }
        if (_clientLog.Count >= MaxCalls) _clientLog.RemoveRange(0, MaxCalls / 2);
        if (Admit(user) is { } cause)
        {
            _clientLog.Add((user.CallNumber, to, cause));
            _trace($"Unify Phone call from {user.CallNumber} to {to} refused: {cause.Text()}");
            Trunk.Ua.Reject(call, cause.SipStatus(), cause.Text());
            return;
        }
        if (_clientCalls.Count >= MaxCalls) _clientCalls.RemoveAll(c => c.IsEnded);
        _clientCalls.Add(call);
        _clientLog.Add((user.CallNumber, to, null));
        // the far end in the public network answers at once
        Trunk.Ua.Answer(call, AudioSdp.For(NextRtp(), _sdpCache));
    }

    private void OnTrunkCallEnded(SipCall call)
    {
        _clientCalls.Remove(call);
        if (_publicCalls.FirstOrDefault(p => ReferenceEquals(p.UnifyPhoneLeg, call)) is { } publicCall)
        {
            RemoveRinging(publicCall, RingTargetKind.UnifyPhone);
            if (publicCall.ConnectedTo is not null && publicCall.ConnectedTo == UnifyPhoneNumberOfCall(publicCall)) Finish(publicCall, PublicCallEnd.Answered);
        }
    }

    /// <summary>
    /// A caller from the public network dials <paramref name="dialled"/> (a full number of the gateway location): the
    /// DID's user or team rings as its routing mode says.
    /// </summary>
    public PublicCall Dial(string callerNumber, string dialled)
    {
        if (_publicCalls.Count >= MaxCalls) _publicCalls.RemoveAll(c => c.IsOver);
        var call = new PublicCall(++_nextCallId, callerNumber, dialled);
        if (_publicCalls.Count >= MaxCalls)
        {
            call.Refusal = $"{Name} has {MaxCalls} calls from the public network already";
            Finish(call, PublicCallEnd.Failed);
            return call;
        }
        _publicCalls.Add(call);
        var prefix = "+" + Config.GatewayLocation.Digits;
        var did = dialled.StartsWith(prefix, StringComparison.Ordinal) ? dialled[prefix.Length..] : null;
        var team = did is null ? null : _teams.Values.FirstOrDefault(t => t.Did == did);
        var user = team is not null ? _users[team.UnifyPhoneUser] : did is null ? null : _users.Values.FirstOrDefault(u => u.Did == did);
        if (user is null)
        {
            call.Refusal = $"{dialled} is not a DID of {Name}";
            Finish(call, PublicCallEnd.Failed);
            return call;
        }
        call.User = user.CallNumber;
        var desk = team is null ? null : FullNumber(team.DeskPhone);
        call.Plan = RingPlanner.Plan(user.Routing, UnifyPhoneNumberOf(user), desk, user.AlternativeNumber, Config.Target2UserDefined);
        _trace($"{call.CallerNumber} calls {dialled} ({user.Routing.Text()} routing): rings {string.Join(", ", call.Plan.First.Select(t => t.FullNumber))}"
               + (call.Plan.OnNoAnswer is { } next ? $", on no answer after {Config.ForwardAfter.TotalSeconds:0} s {next.FullNumber}" : ""));
        Ring(call, user, call.Plan.First);
        if (call.Plan.OnNoAnswer is { } onNoAnswer)
            call.NoAnswerTimer = _loop.ScheduleAfter(Config.ForwardAfter, () => NoAnswer(call, user, onNoAnswer));
        return call;
    }

    private void Ring(PublicCall call, UnifyPhoneUserInstance user, IReadOnlyList<RingTarget> targets)
    {
        foreach (var target in targets)
        {
            if (target.Kind != RingTargetKind.UnifyPhone)
            {
                call.Ringing.Add(target); // the desk phone and the alternative number ring at once (TDM/IP station, ISDN)
                continue;
            }
            if (!Trunk.IsRegistered)
            {
                call.Refusal = "the Unify Phone (Cloud) trunk is not registered";
                continue;
            }
            if (Admit(user) is { } cause)
            {
                call.Refusal = cause.Text();
                _trace($"Unify Phone of {user.CallNumber} not rung: {cause.Text()}");
                continue;
            }
            call.UnifyPhoneLeg = Trunk.CallUser(user.Number.TrunkNumber, new NameAddress(SipUri.Sip(call.CallerNumber, Config.Connectivity.Domain)), AudioSdp.For(NextRtp(), _sdpCache));
        }
    }

    private void NoAnswer(PublicCall call, UnifyPhoneUserInstance user, RingTarget next)
    {
        call.NoAnswerTimer = null;
        if (call.IsOver || call.ConnectedTo is not null) return;
        StopRinging(call);
        _trace($"call {call.Id}: no answer, to the alternative number {next.FullNumber}");
        Ring(call, user, [next]);
    }

    private void StopRinging(PublicCall call)
    {
        call.Ringing.Clear();
        if (call.UnifyPhoneLeg is { IsEnded: false } leg && call.ConnectedTo != UnifyPhoneNumberOfCall(call)) Trunk.Ua.Hangup(leg);
    }

    private string? UnifyPhoneNumberOfCall(PublicCall call) => call.User is { } u && _users.TryGetValue(u, out var user) ? UnifyPhoneNumberOf(user) : null;

    private void OnUnifyPhoneRinging(SipCall leg)
    {
        if (_publicCalls.FirstOrDefault(p => ReferenceEquals(p.UnifyPhoneLeg, leg)) is not { IsOver: false, ConnectedTo: null } call) return;
        if (call.Ringing.Any(r => r.Kind == RingTargetKind.UnifyPhone)) return;
        call.Ringing.Add(new RingTarget(RingTargetKind.UnifyPhone, UnifyPhoneNumberOfCall(call)!));
    }

    private void OnUnifyPhoneAnswered(SipCall leg)
    {
        if (_publicCalls.FirstOrDefault(p => ReferenceEquals(p.UnifyPhoneLeg, leg)) is not { IsOver: false } call) return;
        Connect(call, UnifyPhoneNumberOfCall(call)!);
    }

    private void OnUnifyPhoneFailed(SipCall leg, int status, string reason)
    {
        if (_publicCalls.FirstOrDefault(p => ReferenceEquals(p.UnifyPhoneLeg, leg)) is not { } call) return;
        RemoveRinging(call, RingTargetKind.UnifyPhone);
        if (status != 487) call.Refusal = $"Unify Phone: {status} {reason}";
    }

    private static void RemoveRinging(PublicCall call, RingTargetKind kind) => call.Ringing.RemoveAll(r => r.Kind == kind);

    /// <summary>The device <paramref name="fullNumber"/> (the desk phone or the alternative number) answers its ringing call; false when it rings for none.</summary>
    public bool AnswerAt(string fullNumber)
    {
        if (_publicCalls.FirstOrDefault(c => !c.IsOver && c.ConnectedTo is null && c.Ringing.Any(r => r.FullNumber == fullNumber && r.Kind != RingTargetKind.UnifyPhone)) is not { } call)
            return false;
        Connect(call, fullNumber);
        return true;
    }

    private void Connect(PublicCall call, string party)
    {
        call.ConnectedTo = party;
        call.NoAnswerTimer?.Dispose();
        call.NoAnswerTimer = null;
        StopRinging(call);
        _trace($"call {call.Id}: {call.CallerNumber} connected to {party}");
    }

    /// <summary>The device <paramref name="fullNumber"/> hangs up its connected call; false when it has none.</summary>
    public bool HangUpAt(string fullNumber)
    {
        if (_publicCalls.FirstOrDefault(c => !c.IsOver && c.ConnectedTo == fullNumber) is not { } call) return false;
        if (call.UnifyPhoneLeg is { IsEnded: false } leg) Trunk.Ua.Hangup(leg);
        Finish(call, PublicCallEnd.Answered);
        return true;
    }

    /// <summary>The caller hangs up.</summary>
    public void CallerHangsUp(PublicCall call)
    {
        if (call.IsOver) return;
        var answered = call.ConnectedTo is not null;
        if (call.UnifyPhoneLeg is { IsEnded: false } leg) Trunk.Ua.Hangup(leg);
        Finish(call, answered ? PublicCallEnd.Answered : PublicCallEnd.Abandoned);
    }

    private void Finish(PublicCall call, PublicCallEnd end)
    {
        if (call.IsOver) return;
        call.NoAnswerTimer?.Dispose();
        call.NoAnswerTimer = null;
        call.Ringing.Clear();
        call.End = end;
        call.IsOver = true;
        _trace($"{call}");
    }

    private IPEndPoint NextRtp()
    {
        var port = _nextRtpPort;
        _nextRtpPort = _nextRtpPort >= 39998 ? 30000 : _nextRtpPort + 2;
        return new IPEndPoint(Trunk.Ua.Stack.Transport.Address, port);
    }
}
