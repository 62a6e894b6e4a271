using Concierge.Config.Model;
using Concierge.Config.Numbers;
using Concierge.Config.Topology;
using Concierge.Cps.Calls;
using Concierge.Cps.Engine;
using Concierge.Cps.Legs;
using Concierge.Runtime.Time;

namespace Concierge.Cps.Tests;

/// <summary>A CPS engine on a virtual clock with recording ports, configured from a standard topology.</summary>
internal sealed class CpsHarness
{
    private long _nextIncoming = 1;

    public CpsHarness(string topology = "osv-example", Func<ConciergeConfig, ConciergeConfig>? adjust = null, bool active = true)
    {
        var config = Topologies.Load(topology);
        Config = adjust is null ? config : adjust(config);
        Engine = new CpsEngine(Config, Clock, Legs, Pbx, active: active);
    }

    public VirtualTimeProvider Clock { get; } = new();
    public RecordingLegs Legs { get; } = new();
    public RecordingPbx Pbx { get; } = new();
    public ConciergeConfig Config { get; }
    public CpsEngine Engine { get; }

    public static E164Number N(string digits) => E164Number.Parse(digits.StartsWith('+') ? digits : "+495050580" + digits);

    public LegId Call(string called, string caller = "+493011100001", CallType type = CallType.Standard)
    {
        var leg = new LegId(_nextIncoming++);
        Engine.OnIncomingLeg(leg, N(called), caller, type);
        return leg;
    }

    public void Pass(TimeSpan time) => Clock.Advance(time);

    public void LogOn(params string[] devices)
    {
        foreach (var device in devices) Assert.True(Engine.LogOn(N(device)).Succeeded);
    }

    /// <summary>The attendant's phone answers the leg the CPS placed to it, and the PBX joins the parties.</summary>
    public void AttendantAnswers(string device)
    {
        var leg = Legs.LastDialTo(N(device));
        Engine.OnLegAnswered(leg);
        var join = Legs.Joins.Last(j => j.Target == leg);
        Engine.OnLegsJoined(join.Caller, join.Target);
    }

    public CpsCall CallFrom(string caller) => Engine.FindCallFrom(caller) ?? throw new InvalidOperationException($"no live call from {caller}");

    public void Check() => Engine.CheckInvariants();
}

/// <summary>Records what the engine asks of the trunk; hands out leg ids for dialled legs.</summary>
internal sealed class RecordingLegs : ICallLegs
{
    private long _nextDial = 1000;

    public List<string> Log { get; } = new();
    public List<(LegId Leg, E164Number Target, E164Number? Charge)> Dials { get; } = new();
    public List<(LegId Caller, LegId Target)> Joins { get; } = new();
    public Dictionary<LegId, MediaSource> Hears { get; } = new();
    public List<(LegId Leg, RejectReason Reason)> Rejects { get; } = new();
    public List<(LegId Leg, E164Number Destination)> Forwards { get; } = new();
    public HashSet<LegId> Released { get; } = new();

    public LegId LastDialTo(E164Number target) => Dials.Last(d => d.Target == target).Leg;

    public void Ring(LegId leg) { Log.Add($"ring {leg}"); Hears[leg] = MediaSource.Ringback; }
    public void Answer(LegId leg, MediaSource media) { Log.Add($"answer {leg} {media}"); Hears[leg] = media; }
    public void Play(LegId leg, MediaSource media) { Log.Add($"play {leg} {media}"); Hears[leg] = media; }
    public void Reject(LegId leg, RejectReason reason) { Log.Add($"reject {leg} {reason}"); Rejects.Add((leg, reason)); }
    public void Forward(LegId leg, E164Number destination) { Log.Add($"forward {leg} {destination}"); Forwards.Add((leg, destination)); }

    public LegId Dial(E164Number target, E164Number? chargeNumber, string? presentedCaller = null, bool autoAnswer = false)
    {
        var leg = new LegId(_nextDial++);
        Dials.Add((leg, target, chargeNumber));
        Log.Add($"dial {leg} {target} charge {chargeNumber}");
        return leg;
    }

    public void Join(LegId caller, LegId target) { Log.Add($"join {caller} {target}"); Joins.Add((caller, target)); }
    public List<(LegId Caller, LegId Target)> Bridges { get; } = new();
    public void Bridge(LegId caller, LegId target) { Log.Add($"bridge {caller} {target}"); Bridges.Add((caller, target)); }
    public void ReleaseAndConfirm(LegId leg) { Log.Add($"release-confirm {leg}"); Released.Add(leg); }
    public void Release(LegId leg) { Log.Add($"release {leg}"); Released.Add(leg); }
}

/// <summary>Records what the engine asks of the CSTA link.</summary>
internal sealed class RecordingPbx : IPbxControl
{
    public Dictionary<E164Number, E164Number?> Forwarding { get; } = new();
    public List<(E164Number Device, E164Number Destination)> Transfers { get; } = new();
    public List<E164Number> Clears { get; } = new();

    /// <summary>When false, forwarding requests stay unanswered until <see cref="AnswerForwarding"/>.</summary>
    public bool AnswersForwardingAtOnce { get; set; } = true;
    private readonly List<Action> _unanswered = new();

    public void SetForwardingUnconditional(E164Number device, E164Number? destination, Action? answered = null)
    {
        Forwarding[device] = destination;
        if (answered is null) return;
        if (AnswersForwardingAtOnce) answered();
        else _unanswered.Add(answered);
    }

    /// <summary>The PBX answers every forwarding request so far.</summary>
    public void AnswerForwarding()
    {
        var answers = _unanswered.ToList();
        _unanswered.Clear();
        foreach (var answer in answers) answer();
    }
    public void TransferActiveCall(E164Number device, E164Number destination) => Transfers.Add((device, destination));
    public void ClearActiveCall(E164Number device) => Clears.Add(device);
    public List<E164Number> Answers { get; } = new();
    public void AnswerAlertingCall(E164Number device) => Answers.Add(device);
    public List<E164Number> Confirmations { get; } = new();
    public void ConfirmActiveCall(E164Number device) => Confirmations.Add(device);
}

/// <summary>The standard topologies from scenarios/topologies, loaded once.</summary>
internal static class Topologies
{
    private static readonly Dictionary<string, ConciergeConfig> Cache = new();

    public static ConciergeConfig Load(string name)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(name, out var config)) return config;
            var document = TopologyLoader.FromDirectory(Path.Combine(RepositoryRoot(), "scenarios", "topologies")).Load(name);
            config = document.Concierge ?? throw new InvalidOperationException($"topology {name} has no valid concierge section: {string.Join("; ", document.Problems)}");
            Cache[name] = config;
            return config;
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Concierge.sln"))) return dir.FullName;
        throw new InvalidOperationException("no Concierge.sln above the test folder");
    }
}
