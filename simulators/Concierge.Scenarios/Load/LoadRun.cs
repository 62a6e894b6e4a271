using System.Globalization;
using Concierge.Config.Topology;
using Concierge.Runtime.Loop;
using Concierge.Scenarios.Channels;
using Concierge.Scenarios.Settings;
using Concierge.Scenarios.Systems;
using Concierge.Scenarios.Topologies;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Load;

/// <summary>What a load run measured.</summary>
public sealed record LoadResult(
    LoadProfile Profile,
    ulong Seed,
    int CallsPlaced,
    IReadOnlyDictionary<string, int> Dispositions,
    int StillInProgress,
    int MaxProcessingChannelsInUse,
    TimeSpan VirtualTime,
    TimeSpan WallTime,
    string TraceHash,
    IReadOnlyList<string> Violations,
    LoadMeasures Measures)
{
    /// <summary>True when every call ended with a disposition and no world invariant broke during the run.</summary>
    public bool Sound => StillInProgress == 0 && Violations.Count == 0;

    /// <summary>Virtual time simulated per unit of wall time.</summary>
    public double SpeedUp => WallTime > TimeSpan.Zero ? VirtualTime / WallTime : double.PositiveInfinity;
}

/// <summary>
/// Runs a load profile on the simulated world: callers arrive at random (Poisson, at the profile's rate or rate of the
/// hour) and dial the mix's numbers, the CPS queues and pushes them over full SIP on the simulated network; attendants
/// (as many as the schedule says) talk for the handling time, then release, park, hold, transfer or page; callers
/// give up after their patience; office users answer transferred calls and call back on pages as the profile says.
/// Each concern draws from its own random stream, so the first profile's trace is what it always was.
/// </summary>
public static class LoadRun
{
    /// <summary>How often the world's invariants (channel, request and callback number accounting) are checked.</summary>
    public static readonly TimeSpan InvariantCheckInterval = TimeSpan.FromMinutes(1);

    /// <summary>How long the world runs after the last arrival before every call must have a disposition.</summary>
    public static readonly TimeSpan DrainTime = TimeSpan.FromMinutes(5);

    /// <summary>Longest the drain is extended while calls are still being handled (queues of patient callers).</summary>
    public static readonly TimeSpan MaxExtraDrain = TimeSpan.FromHours(1);

    private const int MaxViolationsReported = 20;

    /// <summary>Runs <paramref name="profile"/> from <paramref name="seed"/>.</summary>
    public static LoadResult Execute(LoadProfile profile, string repositoryRoot, ulong seed, TimeProvider wallClock)
    {
        var started = wallClock.GetTimestamp();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var world = new ScenarioWorld(seed, new ScenarioEnvironment(repositoryRoot, null, ScenarioSystemCatalog.Standard));
        var topology = TopologyCatalog.Load(repositoryRoot, profile.Topology);
        world.UseTopology(topology);
        var day = new LoadDay(profile, world, topology);
        day.Run();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        return day.Result(seed, wallClock.GetElapsedTime(started), allocated);
    }

    /// <summary>One seed's day: the world, its callers and attendants, and what was counted.</summary>
    private sealed class LoadDay
    {
        private readonly LoadProfile _profile;
        private readonly ScenarioWorld _world;
        private readonly TopologyInfo _topology;
        private readonly IScenarioSystem _system;
        private readonly ICpsService _cps;
        private readonly IAttendantDesk _desk;
        private readonly ICallers _callers;
        private readonly IPhones? _phones;
        private readonly List<string> _devices;
        private readonly List<(string Number, bool IsPilot, double Share)> _mix;
        private readonly List<string> _targets;
        // The calls still in progress (or ended but not yet settled); ended ones are counted and let go (Settle).
        private readonly List<CallRef> _calls = [];
        private readonly Dictionary<string, int> _settled = new(StringComparer.Ordinal);
        private int _placed;
        private readonly Dictionary<CallRef, TimeSpan> _dialledAt = [];
        private readonly List<CallRef> _waiting = [];
        private readonly HashSet<CallRef> _operated = [];
        private readonly Dictionary<string, (CallRef Call, DateTimeOffset Since, TimeSpan Handling)> _talkingSince = new(StringComparer.Ordinal);
        private readonly List<(CallRef Call, TimeSpan Due, string? Device)> _retrievals = [];
        private readonly List<(CallRef Call, string Target, TimeSpan Until)> _officeCalls = [];
        private readonly HashSet<string> _leaving = new(StringComparer.Ordinal);
        // With OSCC the pilot calls reach the attendants as OSCC agents, at their phones and not through the CPS: the
        // phones answer after a moment, the call an agent talks to is kept here, and the agent ends it at the phone.
        private readonly bool _agents;
        private readonly Dictionary<string, CallRef> _agentCalls = new(StringComparer.Ordinal);
        private readonly List<string> _violations = [];
        private readonly Runtime.Randomness.DeterministicRandom _arrivalRandom;
        private DateTimeOffset _end;
        private int _maxProcessing, _connected, _withinTarget, _pilotArrivals, _foundAllBusy, _operations, _refused;
        private double _waitSeconds;
        private long _processingSeconds, _secondsSampled;

        public LoadDay(LoadProfile profile, ScenarioWorld world, TopologyInfo topology)
        {
            _profile = profile;
            _world = world;
            _topology = topology;
            _system = world.System;
            _cps = _system.Cps ?? throw new InvalidOperationException($"topology {profile.Topology} has no simulated CPS");
            _desk = _system.Attendants ?? throw new InvalidOperationException($"topology {profile.Topology} has no attendant API");
            _callers = _system.Callers ?? throw new InvalidOperationException($"topology {profile.Topology} has no callers");
            _phones = _system.Phones;
            _cps.ConfigureChannels(new ChannelSettings(profile.Channels, profile.ChannelRatio));
            _devices = profile.Attendants.Devices.Select(d => Resolve(d, "attendants")).ToList();
            _mix = profile.Mix.Select(m => m.IsPersonalLine ? (PersonalLineOf(Resolve(m.Number, "mix")), false, m.Share) : (Resolve(m.Number, "mix"), true, m.Share)).ToList();
            _targets = profile.Operations.Targets.Select(t => Resolve(t, "operations.targets")).ToList();
            if ((_targets.Count > 0) && _phones is null) throw new InvalidOperationException($"topology {profile.Topology} has no phones for transfers and pages");
            if (profile.MaxTimeInQueue is { } queueTime) ApplyQueueTime(queueTime);
            _agents = _system is IContactCenter && _phones is not null;
            if (_agents) foreach (var device in _devices) _phones!.SetAnswersAfter(device, AgentAnswersAfter);
            var working = profile.Attendants.CountAt(TimeSpan.Zero);
            for (var i = 0; i < working; i++) _desk.LogOn(_devices[i], available: true);
            _arrivalRandom = world.Random.Split("load");
        }

        /// <summary>How long an OSCC agent's phone rings before the agent answers.</summary>
        private static readonly TimeSpan AgentAnswersAfter = TimeSpan.FromSeconds(2);

        /// <summary>The call the attendant at <paramref name="device"/> talks to: the CPS's, or the OSCC call at its phone.</summary>
        private CallRef? CallAt(string device, AttendantView view) =>
            view.CurrentCall ?? (_agents && _agentCalls.TryGetValue(device, out var call) ? call : null);

        private string Resolve(string device, string field)
        {
            try
            {
                return _topology.Resolve(new Values.DeviceRef(device));
            }
            catch (FormatException unknown)
            {
                throw new FormatException($"profile {_profile.Name}: {field}: {unknown.Message}", unknown);
            }
        }

        private string PersonalLineOf(string attendant)
        {
            var config = (_topology.Configuration as TopologyDocument)?.Concierge;
            return config?.Attendants.FirstOrDefault(a => a.Device.ToString() == attendant)?.PersonalLine.ToString()
                   ?? throw new InvalidOperationException($"mix: {attendant} is not an attendant with a personal line in {_topology.Name}");
        }

        private void ApplyQueueTime(TimeSpan queueTime)
        {
            var times = new CallTimes(MaxTimeInIncomingQueue: queueTime);
            var config = (_topology.Configuration as TopologyDocument)?.Concierge;
            if (config is not null) foreach (var tenant in config.Tenants) _cps.SetTenantTimes(tenant.Name, times);
            foreach (var (number, isPilot, _) in _mix)
                if (isPilot) _cps.SetDdiSettings(number, new DdiSettings(times));
        }

        public void Run()
        {
            var loop = _world.Loop;
            var identities = new CallerIdentities(_profile.GeneratedCallers, _profile.CallerLocale, _world.Random.Split("load.callers"));
            var mixRandom = _world.Random.Split("load.mix");
            var thinning = _world.Random.Split("load.arrivals");
            var patience = _world.Random.Split("load.patience");
            _end = loop.Now + _profile.Duration;
            var start = loop.Now;
            var peak = _profile.Arrivals.PeakRate;
            var meanGap = TimeSpan.FromHours(1) / peak;
            loop.ScheduleEvery(InvariantCheckInterval, CheckInvariants);
            void Arrive()
            {
                if (loop.Now >= _end) return;
                // A rate per hour of day: arrivals at the peak rate, each kept with the probability rate(now) / peak.
                if (!_profile.Arrivals.Varies || thinning.NextDouble() * peak < _profile.Arrivals.RateAt(loop.Now - start)) Dial(identities, mixRandom, patience);
                var gap = TimeSpan.FromTicks((long)(-Math.Log(1 - _arrivalRandom.NextDouble()) * meanGap.Ticks));
                loop.ScheduleAfter(gap, Arrive);
            }
            loop.ScheduleAfter(TimeSpan.Zero, Arrive);
            loop.ScheduleEvery(TimeSpan.FromSeconds(1), EverySecond);
            foreach (var shift in _profile.Attendants.Schedule)
                loop.ScheduleAfter(shift.From, () => ChangeShift(shift.Count));
            loop.RunUntilTime(_end + DrainTime);
            // Patient callers still queued or talking: the attendants go on until the last is done (bounded).
            var extra = TimeSpan.Zero;
            while (extra < MaxExtraDrain && _calls.Any(c => _callers.Observe(c) is { Disposition: null } view && view.Hearing != CallerHearing.Nothing))
            {
                extra += TimeSpan.FromMinutes(1);
                loop.RunUntilTime(_end + DrainTime + extra);
            }
            CheckInvariants();
        }

        private void Dial(CallerIdentities identities, Runtime.Randomness.DeterministicRandom mixRandom, Runtime.Randomness.DeterministicRandom patience)
        {
            var (name, from) = identities.Next(_placed);
            var (dialled, isPilot) = (_mix[0].Number, _mix[0].IsPilot);
            if (_mix.Count > 1)
            {
                var roll = mixRandom.NextDouble() * _mix.Sum(m => m.Share);
                foreach (var entry in _mix)
                {
                    (dialled, isPilot) = (entry.Number, entry.IsPilot);
                    if ((roll -= entry.Share) < 0) break;
                }
            }
            if (isPilot)
            {
                _pilotArrivals++;
                if (!AnyAttendantFree()) _foundAllBusy++;
            }
            var call = _callers.Dial(name, from, dialled);
            _calls.Add(call);
            _placed++;
            _dialledAt[call] = _world.Elapsed;
            _waiting.Add(call);
            if (_profile.Patience.Happens)
            {
                var wait = _profile.Patience.Sample(patience);
                _world.Loop.ScheduleAfter(wait, () =>
                {
                    if (!_waiting.Contains(call)) return; // already talked to someone
                    var view = _callers.Observe(call);
                    if (view.Disposition is null && view.Hearing != CallerHearing.Connected) _callers.HangUp(call);
                });
            }
        }

        private bool AnyAttendantFree()
        {
            foreach (var device in _devices)
            {
                if (_leaving.Contains(device)) continue;
                var view = _desk.Observe(device);
                if (view is { LoggedOn: true, Available: true } && CallAt(device, view) is null) return true;
            }
            return false;
        }

        private void ChangeShift(int count)
        {
            for (var i = 0; i < _devices.Count; i++)
            {
                var device = _devices[i];
                var view = _desk.Observe(device);
                if (i < count)
                {
                    _leaving.Remove(device);
                    if (!view.LoggedOn) _desk.LogOn(device, available: true);
                    else if (!view.Available) _desk.SetAvailable(device, true);
                }
                else if (view.LoggedOn && _leaving.Add(device))
                {
                    _desk.SetAvailable(device, false);
                    if (view.CurrentCall is null) LogOffLeaving(device);
                }
            }
        }

        private void LogOffLeaving(string device)
        {
            _desk.LogOff(device);
            _leaving.Remove(device);
        }

        private void CheckInvariants()
        {
            foreach (var invariant in _system.Invariants)
            {
                if (_violations.Count >= MaxViolationsReported) return;
                if (invariant.Violation() is { } broken) _violations.Add(string.Create(CultureInfo.InvariantCulture, $"{_world.Elapsed} {invariant.Name}: {broken}"));
            }
        }

        // Attendants act once they have talked for the call's handling time (checked every second of virtual time).
        private void EverySecond()
        {
            var now = _world.Loop.Now;
            var inUse = _cps.ProcessingChannelsInUse;
            _maxProcessing = Math.Max(_maxProcessing, inUse);
            if (now < _end)
            {
                _processingSeconds += inUse;
                _secondsSampled++;
            }
            foreach (var device in _devices)
            {
                var view = _desk.Observe(device);
                if (CallAt(device, view) is not { } call || _callers.Observe(call).Hearing != CallerHearing.Connected)
                {
                    _talkingSince.Remove(device);
                    _agentCalls.Remove(device);
                    if (view.CurrentCall is null && _leaving.Contains(device)) LogOffLeaving(device);
                    continue;
                }
                if (!_talkingSince.TryGetValue(device, out var talk) || talk.Call != call)
                    _talkingSince[device] = (call, now, _handlingRandom is null ? _profile.Attendants.Handling.Mean : _profile.Attendants.Handling.Sample(_handlingRandom));
                else if (now - talk.Since >= talk.Handling)
                {
                    _talkingSince.Remove(device);
                    Act(device, call);
                }
            }
            ObserveWaiting();
            if (_operated.Count > 0 && now.Second % 5 == 0) RetrieveReturnedCalls();
            if (now.Second % 10 == 0) Settle();
            if (_retrievals.Count > 0) Retrieve();
            if (_officeCalls.Count > 0) WatchOfficeCalls();
        }

        // Every ended call nobody acts on any more is counted by its disposition and let go, so memory stays flat over a
        // long run: its disposition is decided, the caller's call is over (or got busy), it waits for nothing, and no
        // attendant still shows it.
        private void Settle()
        {
            var shown = new HashSet<CallRef>();
            foreach (var device in _devices)
            {
                if (CallAt(device, _desk.Observe(device)) is { } call) shown.Add(call);
            }
            foreach (var (call, _, _) in _retrievals) shown.Add(call);
            foreach (var (call, _, _) in _officeCalls) shown.Add(call);
            foreach (var call in _waiting) shown.Add(call);
            var kept = 0;
            for (var i = 0; i < _calls.Count; i++)
            {
                var call = _calls[i];
                if (!shown.Contains(call) && _callers.Observe(call) is { Disposition: { } d } && _callers.Forget(call))
                {
                    var key = d.ToString().ToLowerInvariant();
                    _settled[key] = _settled.GetValueOrDefault(key) + 1;
                    _dialledAt.Remove(call);
                    _operated.Remove(call);
                    continue;
                }
                _calls[kept++] = call;
            }
            _calls.RemoveRange(kept, _calls.Count - kept);
        }

        private Runtime.Randomness.DeterministicRandom? _handlingRandomCache;

        private Runtime.Randomness.DeterministicRandom? _handlingRandom =>
            _profile.Attendants.Handling.Kind == DistributionKind.Constant ? null : _handlingRandomCache ??= _world.Random.Split("load.handling");

        private Runtime.Randomness.DeterministicRandom? _operationRandomCache;

        private Runtime.Randomness.DeterministicRandom OperationRandom => _operationRandomCache ??= _world.Random.Split("load.operations");

        private void ObserveWaiting()
        {
            for (var i = _waiting.Count - 1; i >= 0; i--)
            {
                var call = _waiting[i];
                var view = _callers.Observe(call);
                if (view.Hearing == CallerHearing.Connected)
                {
                    var waited = (_world.Elapsed - _dialledAt[call]).TotalSeconds;
                    _connected++;
                    if (_agents && view.ConnectedTo is { } agent && _devices.Contains(agent) && _desk.Observe(agent).CurrentCall is null) _agentCalls[agent] = call;
                    _waitSeconds += waited;
                    if (waited <= _profile.ServiceLevelTarget.TotalSeconds) _withinTarget++;
                    _waiting.RemoveAt(i);
                }
                else if (view.Disposition is not null) _waiting.RemoveAt(i);
            }
        }

        private void Act(string device, CallRef call)
        {
            if (_agentCalls.Remove(device))
            {
                _phones!.HangUp(device); // an OSCC call: the CPS cannot park, transfer or page it
                return;
            }
            var ops = _profile.Operations;
            var total = ops.ParkPercent + ops.HoldPercent + ops.TransferPercent + ops.PagePercent;
            if (total <= 0 || !_operated.Add(call))
            {
                Release(device);
                return;
            }
            var random = OperationRandom;
            var roll = random.NextDouble() * 100;
            if ((roll -= ops.ParkPercent) < 0) Park(device, call, hold: false, ops.ParkFor.Sample(random));
            else if ((roll -= ops.HoldPercent) < 0) Park(device, call, hold: true, ops.HoldFor.Sample(random));
            else if ((roll -= ops.TransferPercent) < 0) Transfer(device, call, random);
            else if ((roll -= ops.PagePercent) < 0) Page(device, call, random);
            else Release(device);
        }

        private void Release(string device)
        {
            try
            {
                _desk.Release(device);
            }
            catch (InvalidOperationException)
            {
                // The call ended meanwhile (the caller hung up): nothing to release.
            }
        }

        private bool Try(Action operation)
        {
            _operations++;
            try
            {
                operation();
                return true;
            }
            catch (InvalidOperationException)
            {
                _refused++;
                return false;
            }
        }

        private void Park(string device, CallRef call, bool hold, TimeSpan duration)
        {
            if (!Try(() => { if (hold) _desk.Hold(device); else _desk.Park(device); }))
            {
                Release(device);
                return;
            }
            _retrievals.Add((call, _world.Elapsed + duration, hold ? device : null));
        }

        private void Retrieve()
        {
            for (var i = 0; i < _retrievals.Count; i++)
            {
                var (call, due, owner) = _retrievals[i];
                if (due > _world.Elapsed) continue;
                if (_cps.ProcessingStateOf(call) is null)
                {
                    _retrievals.RemoveAt(i--); // hung up, or the CPS recalled it to an attendant itself
                    continue;
                }
                // A held call may stay the holding attendant's current call: that attendant takes it back.
                var device = owner is not null && (Free(owner) || _desk.Observe(owner).CurrentCall == call) ? owner : owner is null ? _devices.FirstOrDefault(Free) : null;
                if (device is null) continue;
                _retrievals.RemoveAt(i--);
                if (!Try(() => _desk.Retrieve(device, call))) _retrievals.Add((call, _world.Elapsed + TimeSpan.FromSeconds(5), owner));
            }
        }

        // A transfer nobody answered comes back held to the processing queue, and a page nobody answers stays paging
        // (the CPS does not end it): an attendant takes the call back, soon or after two minutes of paging.
        private void RetrieveReturnedCalls()
        {
            foreach (var call in _operated)
            {
                var state = _cps.ProcessingStateOf(call);
                if (state is not (Cps.Calls.ProcessingState.Held or Cps.Calls.ProcessingState.Paging) || _retrievals.Any(r => r.Call == call)) continue;
                _retrievals.Add((call, _world.Elapsed + (state == Cps.Calls.ProcessingState.Paging ? PagingPatience : TimeSpan.FromSeconds(5)), null));
            }
        }

        private static readonly TimeSpan PagingPatience = TimeSpan.FromMinutes(2);

        private bool Free(string device) => !_leaving.Contains(device) && _desk.Observe(device) is { LoggedOn: true, CurrentCall: null } && !_agentCalls.ContainsKey(device);

        private void Transfer(string device, CallRef call, Runtime.Randomness.DeterministicRandom random)
        {
            var target = _targets[random.Next(_targets.Count)];
            PrepareOfficeUser(target, random);
            if (!Try(() => _desk.Transfer(device, target))) Release(device);
            else _officeCalls.Add((call, target, _world.Elapsed + TimeSpan.FromMinutes(10)));
        }

        private void Page(string device, CallRef call, Runtime.Randomness.DeterministicRandom random)
        {
            var target = _targets[random.Next(_targets.Count)];
            var callsBack = random.NextDouble() * 100 < _profile.OfficeUsers.AnswerPercent;
            var after = _profile.OfficeUsers.CallbackAfter.Sample(random);
            if (!Try(() => _desk.Page(device, target)))
            {
                Release(device);
                return;
            }
            if (!callsBack || !_profile.OfficeUsers.CallbackAfter.Happens) return;
            _world.Loop.ScheduleAfter(after, () =>
            {
                if (_cps.CallbackNumberOf(call) is not { } callback) return;
                try
                {
                    _phones!.Dial(target, callback);
                    _officeCalls.Add((call, target, _world.Elapsed + TimeSpan.FromMinutes(10)));
                }
                catch (InvalidOperationException)
                {
                    // The paged person's phone is busy with another call: the CPS recalls the parked call in time.
                }
            });
        }

        // The office user answers after a delay, is busy, or lets it ring, as the profile's shares say.
        private void PrepareOfficeUser(string target, Runtime.Randomness.DeterministicRandom random)
        {
            var office = _profile.OfficeUsers;
            var roll = random.NextDouble() * 100;
            if (roll < office.AnswerPercent && office.AnswerAfter.Happens) _phones!.SetAnswersAfter(target, office.AnswerAfter.Sample(random));
            else if (roll < office.AnswerPercent + office.BusyPercent) _phones!.SetBusy(target);
            else _phones!.SetNoAnswer(target);
        }

        // An office user who talks to a caller hangs up after the talk time.
        private void WatchOfficeCalls()
        {
            for (var i = _officeCalls.Count - 1; i >= 0; i--)
            {
                var (call, target, until) = _officeCalls[i];
                var view = _callers.Observe(call);
                if (view.Disposition is not null && view.Hearing == CallerHearing.Nothing || _world.Elapsed > until)
                {
                    _officeCalls.RemoveAt(i);
                    continue;
                }
                if (view.Hearing != CallerHearing.Connected || view.ConnectedTo != target) continue;
                _officeCalls.RemoveAt(i);
                var talk = _profile.OfficeUsers.Talk.Happens ? _profile.OfficeUsers.Talk.Sample(OperationRandom) : TimeSpan.FromMinutes(1);
                _world.Loop.ScheduleAfter(talk, () =>
                {
                    try
                    {
                        _phones!.HangUp(target);
                    }
                    catch (InvalidOperationException)
                    {
                        // The caller hung up first.
                    }
                });
            }
        }

        public LoadResult Result(ulong seed, TimeSpan wall, long allocated)
        {
            var dispositions = new Dictionary<string, int>(_settled, StringComparer.Ordinal);
            var inProgress = 0;
            foreach (var call in _calls)
            {
                if (_callers.Observe(call).Disposition is { } d)
                {
                    var key = d.ToString().ToLowerInvariant();
                    dispositions[key] = dispositions.GetValueOrDefault(key) + 1;
                }
                else
                {
                    inProgress++;
                    if (_violations.Count < MaxViolationsReported)
                        _violations.Add($"{call.Id} has no disposition after the drain: {_callers.Observe(call).Describe()}, processing state {_cps.ProcessingStateOf(call)?.ToString() ?? "none"}");
                }
            }
            var measures = new LoadMeasures(dispositions.GetValueOrDefault("busy"), dispositions.GetValueOrDefault("answered"), dispositions.GetValueOrDefault("abandoned"),
                _connected, _waitSeconds, _withinTarget, _pilotArrivals, _foundAllBusy, _operations, _refused, allocated,
                _secondsSampled > 0 ? (double)_processingSeconds / _secondsSampled : 0);
            return new LoadResult(_profile, seed, _placed, dispositions, inProgress, _maxProcessing, _world.Elapsed, wall, _world.Trace.HashHex(), _violations, measures);
        }
    }
}
