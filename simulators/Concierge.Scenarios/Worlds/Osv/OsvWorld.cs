using System.Net;
using Concierge.Config.Model;
using Concierge.Config.Topology;
using Concierge.Cps.Calls;
using Concierge.Cps.Engine;
using Concierge.Cps.Records;
using Concierge.Media.Simulated;
using Concierge.Scenarios.Network;
using Concierge.Scenarios.Systems;
using Concierge.Scenarios.Topologies;
using Concierge.Scenarios.World;
using Concierge.Simulators.Osv;
using Concierge.Simulators.Osv.Dns;
using Concierge.Sip.Registration;

namespace Concierge.Scenarios.Worlds.Osv;

/// <summary>
/// The simulated world of an OpenScape Voice topology: the OSV with its phones and the public network's callers,
/// one CPS (or a main and a standby CPS) on their hosts, all over the topology's simulated network and one media plane.
/// </summary>
internal sealed class OsvWorld : IScenarioSystem, IUnifyPhoneClients
{
    private readonly ScenarioWorld _world;
    private readonly TopologyInfo _topology;
    private readonly SimulatedCallers _callers;

    /// <summary>
    /// A PBX other than the topology's OSV on the shared switching core (the OpenScape 4000): the switch built on the
    /// network and media plane, and the endpoint the CPS trunk is.
    /// </summary>
    public delegate (OsvSimulator Switch, string CpsEndpoint) PbxBuilder(Concierge.Runtime.Transports.Simulated.SimulatedNetwork network, SimulatedMediaPlane media);

    public OsvWorld(TopologyInfo topology, ScenarioWorld world, TopologyDocument document, PbxBuilder? pbx = null)
    {
        _topology = topology;
        _world = world;
        var network = world.Network ?? throw new InvalidOperationException("the world has no simulated network");
        Config = document.RequireConcierge();
        Media = new SimulatedMediaPlane();
        if (pbx is not null) (Osv, CpsEndpoint) = pbx(network, Media);
        else
        {
            Osv = OsvSimulator.Create(document, network, Media, world.Random.Split("osv"), world.Trace);
            CpsEndpoint = Osv.Config.Endpoints.Values.FirstOrDefault(e => e.Aliases.Contains(Config.Cps.RegisterId, StringComparer.Ordinal))?.Name
                          ?? throw new InvalidOperationException($"the OSV has no endpoint with the alias {Config.Cps.RegisterId}");
        }
        Osv.Switch.StartKeepAlive(); // SIP endpoint keep-alive: calls of a crashed CPS are cleared within seconds
        PbxHost = Osv.Config.Host;
        var pbxCsta = Osv.CstaEndPoint;
        var pbxSip = Osv.SipEndPoint;
        var primaryServer = Config.Standby?.PrimaryServer ?? "osc1";
        var resolver = RegistrarResolver(world);
        Primary = new SimulatedCpsHost(primaryServer, network.Host(Config.Cps.Host), network, world.Loop, Media, world.Random.Split("cps"), world.Trace, pbxSip, pbxCsta, EndedRecords, resolver);
        Nodes = [Primary];
        if (Config.Standby is { } standby)
        {
            var standbyNode = new SimulatedCpsHost(standby.StandbyServer, network.Host(standby.StandbyHost), network, world.Loop, Media,
                world.Random.Split("cps.standby"), world.Trace, pbxSip, pbxCsta, EndedRecords, resolver);
            Nodes = [Primary, standbyNode];
            Redundancy = new StandbyPair(this, Primary, standbyNode, standby);
        }
        foreach (var node in Nodes) node.EngineStarted = ApplyAttendantStates;
        _callers = new SimulatedCallers(this);
        Cps = new SimulatedCpsService(this);
        Attendants = new SimulatedAttendantDesk(this);
        Phones = new SimulatedPhones(this);
        Network = new SimulatedNetworkFaults(network);
        Csta = new SimulatedCstaLink(this);
        // The servers boot before the scenario's clock starts: the CPS registers, its CSTA link comes up and its device
        // monitors run (their answers tell, by OSV V8 private data, which attendant devices are Unify Phone ONS), as on
        // a system that was running before the first caller (bounded; on a lossy network it takes a few round trips).
        StartServers();
        world.Loop.RunUntil(() => Nodes.Where(n => n.IsRunning).All(n => CstaBooted(n.CstaSession!) && (n.Node.BusyLamps?.All.All(d => d.Known) ?? true))
                                   && (Primary.IsInConfigMode || (Primary.Registration?.IsRegistered ?? true)), BootLimit);
        world.Trace.Record("world", "servers booted");
    }

    private static bool CstaBooted(Concierge.Csta.Session.CstaClientSession session) =>
        session.State == Concierge.Csta.Session.CstaLinkState.Ready && session.Monitors.All(m => m.Status == Concierge.Csta.Session.MonitorStatus.Active);

    /// <summary>
    /// The DNS the CPS asks when its registrar host is the zone of a geo-separated OSV (C 4.6): the OSV nodes' SIP SRV
    /// and address records. Null otherwise, and the CPS registers at the OSV's SIP address as configured.
    /// </summary>
    private ISipServerResolver? RegistrarResolver(ScenarioWorld world) =>
        Osv.Config.GeoSeparation is { } geo && string.Equals(Config.Cps.RegistrarHost, geo.Zone, StringComparison.OrdinalIgnoreCase)
            ? new SimulatedSipResolver(world.Loop, world.Random.Split("dns")).AddOsvNodes(Osv.Dns, geo.Zone)
            : null;

    /// <summary>Longest the servers may take to boot before the scenario starts.</summary>
    public static readonly TimeSpan BootLimit = TimeSpan.FromSeconds(30);

    private bool _started;
    private bool _primaryKeptDown;

    private void StartServers()
    {
        if (_started) return;
        _started = true;
        if (!_primaryKeptDown) Primary.Start(Config, active: true);
        (Redundancy as StandbyPair)?.StartStandby();
    }

    /// <summary>
    /// What each attendant asked for (logged on, available): attendants log on to the Concierge system, not to one
    /// CPS, so every CPS that starts or takes over learns it (the clients log on again after a switch-over).
    /// </summary>
    public Dictionary<string, bool> AttendantStates { get; } = new(StringComparer.Ordinal);

    private void ApplyAttendantStates(CpsEngine engine)
    {
        foreach (var (device, available) in AttendantStates)
            engine.LogOn(Concierge.Config.Numbers.E164Number.Parse(device), available);
    }

    /// <summary>Every running engine, for attendant state that all CPS share.</summary>
    public IEnumerable<CpsEngine> RunningEngines => Nodes.Where(n => n.IsRunning).Select(n => n.Engine!);

    /// <summary>
    /// Every CPS runs without its CSTA link from now on (SIP only), as after an operator restarted it so: each running
    /// CPS stops in order; once the PBX has let go of its registration (or a bound has passed) each starts again
    /// without a link, and the world runs until the active one is registered (bounded). Waiting keeps a withdrawal
    /// delayed on the network from removing the new registration.
    /// </summary>
    public void RunSipOnly()
    {
        var restart = Nodes.Where(n => n.IsRunning).Select(n => (Node: n, Active: n.Engine!.IsActive)).ToList();
        foreach (var (node, _) in restart) node.Node.Stop();
        _world.Loop.RunUntil(() => !Osv.IsRegistered(CpsEndpoint), BootLimit);
        foreach (var node in Nodes) node.DropPbxLink();
        foreach (var (node, active) in restart) node.Start(Config, active);
        _world.Loop.RunUntil(() => restart.Where(r => r.Active).All(r => r.Node.Registration?.IsRegistered == true) && Osv.IsRegistered(CpsEndpoint), BootLimit);
        _world.Trace.Record("world", "CPS runs SIP only");
    }

    /// <summary>
    /// Every CPS's CSTA link opens an ECMA-354 application session of <paramref name="duration"/> from now on: each
    /// running CPS stops and starts again with the option, as after an operator changed the link, and the world runs
    /// until the active one's link is ready (bounded).
    /// </summary>
    public void UseApplicationSession(TimeSpan duration)
    {
        var restart = Nodes.Where(n => n.IsRunning).Select(n => (Node: n, Active: n.Engine!.IsActive)).ToList();
        foreach (var (node, _) in restart) node.Node.Stop();
        _world.Loop.RunUntil(() => !Osv.IsRegistered(CpsEndpoint), BootLimit);
        var session = new Concierge.Csta.Session.CstaApplicationSessionOptions { RequestedDuration = duration };
        foreach (var node in Nodes)
        {
            var result = node.Node.UseApplicationSession(session);
            if (!result.Succeeded) throw new InvalidOperationException(result.Error);
        }
        foreach (var (node, active) in restart) node.Start(Config, active);
        _world.Loop.RunUntil(() => restart.Where(r => r.Active).All(r => r.Node.Registration?.IsRegistered == true
            && r.Node.CstaSession?.State == Concierge.Csta.Session.CstaLinkState.Ready) && Osv.IsRegistered(CpsEndpoint), BootLimit);
        _world.Trace.Record("world", $"CPS CSTA links open application sessions of {duration}");
    }

    /// <summary>What the active CPS's CSTA link has seen.</summary>
    public CstaLinkFigures CstaFigures()
    {
        var node = Nodes.FirstOrDefault(n => n.IsRunning && n.Engine!.IsActive) ?? throw new InvalidOperationException("no CPS is active");
        var session = node.CstaSession ?? throw new InvalidOperationException($"the CPS on {node.Server} has no CSTA link");
        var switchSide = Osv.Csta.IsDown ? null : Osv.Csta.Listener.Links.FirstOrDefault(l => l.ApplicationSessionId is not null && l.ApplicationSessionId == session.ApplicationSessionId);
        return new CstaLinkFigures(session.ApplicationSessionId, switchSide?.ApplicationSessionId, session.Counters.ApplicationSessionKeepAlives,
            session.Counters.DecodeErrors, session.Numbers.NotNormalised, session.Counters.UnknownEventsIgnored, session.Counters.EventsDelivered);
    }

    /// <summary>The main CPS is not running when the scenario starts (or stops now).</summary>
    public void TakeDownPrimary()
    {
        _primaryKeptDown = true;
        Primary.Crash();
        // "Given the CPS is down": it was never up, so the switch has no binding for it (a crash while running is Fail).
        Osv.Registrar.Drop(CpsEndpoint);
    }

    public ConciergeConfig Config { get; private set; }

    public SimulatedMediaPlane Media { get; }

    public OsvSimulator Osv { get; }

    public string PbxHost { get; }

    public string CpsEndpoint { get; }

    public SimulatedCpsHost Primary { get; }

    public IReadOnlyList<SimulatedCpsHost> Nodes { get; }

    public ICpsService? Cps { get; }

    public IAttendantDesk? Attendants { get; }

    public ICallers? Callers => _callers;

    public IPhones? Phones { get; }

    public IServerRedundancy? Redundancy { get; }

    public ICstaLink? Csta { get; }

    public INetworkFaults? Network { get; }

    public IUnifyPhoneTenant? UnifyPhone => null;

    public IEnumerable<IWorldInvariant> Invariants
    {
        get
        {
            yield return new WorldInvariant("the CPS's channels, request and callback numbers are accounted for", () =>
            {
                try
                {
                    foreach (var engine in Nodes.Where(n => n.IsRunning).Select(n => n.Engine!)) engine.CheckInvariants();
                    return null;
                }
                catch (Cps.CpsInvariantException broken)
                {
                    return broken.Message;
                }
            });
        }
    }

    /// <summary>The engine taking calls now: the active node's, else the primary's.</summary>
    public CpsEngine? ActiveEngineOrNull =>
        Nodes.FirstOrDefault(n => n.IsRunning && n.Engine!.IsActive)?.Engine ?? (Primary.IsRunning ? Primary.Engine : null);

    /// <summary>The engine taking calls now, booting the servers first if the loop has not turned yet; a clear error when no CPS runs.</summary>
    public CpsEngine ActiveEngine
    {
        get
        {
            StartServers();
            return ActiveEngineOrNull ?? throw new InvalidOperationException("no CPS is running");
        }
    }

    /// <summary>Changes the CPS configuration on every node (before calls arrive).</summary>
    public void ChangeConfig(Func<ConciergeConfig, ConciergeConfig> change)
    {
        Config = change(Config);
        foreach (var node in Nodes) node.Reconfigure(Config);
    }

    /// <summary>Starts the main CPS again after a crash.</summary>
    public void RestartPrimary()
    {
        _primaryKeptDown = false;
        var standbyActive = Redundancy?.StandbyActive == true;
        Primary.Start(Config, active: !standbyActive);
    }

    /// <summary>
    /// The OSV's CSTA application gets "Private Data Presentation – V8" set or cleared (C 4.3.5.1). The application
    /// restarts with it: the CPS's links drop, and the world runs until they and their monitors are up again (bounded),
    /// so the monitor answers tell the CPS what the attendant devices are now.
    /// </summary>
    public void SetPrivateDataPresentationV8(bool on)
    {
        StartServers();
        Osv.Csta.Events.V8.Enabled = on;
        var running = Nodes.Where(n => n.IsRunning).Select(n => (Session: n.CstaSession!, Ready: n.CstaSession!.Counters.LinksReady)).ToList();
        foreach (var server in Osv.CstaServers.Where(s => !s.IsDown))
        {
            server.Fail("CSTA application changed");
            server.Restore();
        }
        _world.Loop.RunUntil(() => running.All(r => r.Session.Counters.LinksReady > r.Ready && CstaBooted(r.Session)), BootLimit);
        _world.Trace.Record("world", $"OSV CSTA application: private data presentation V8 {(on ? "on" : "off")}");
    }

    /// <summary>The user sets Available / Unavailable in the Unify Phone of an ONS: on the OSV the ONS makes its hunt groups busy or ready.</summary>
    public void SetClientAvailable(string ons, bool available)
    {
        var number = RequireUnifyPhoneOns(ons);
        Osv.Switch.SetAgentReady(number, available);
        Trace("unify-phone", $"the Unify Phone of {number} is set {(available ? "available" : "unavailable")}");
    }

    /// <summary>The user holds the call in the Unify Phone of an ONS itself (not through Concierge).</summary>
    public void HoldInClient(string ons)
    {
        var number = RequireUnifyPhoneOns(ons);
        if (!Osv.Switch.HoldOnDevice(number)) throw new InvalidOperationException($"the Unify Phone of {number} has no connected call to hold");
        Trace("unify-phone", $"the Unify Phone of {number} holds its call");
    }

    /// <summary>The user takes the held call back in the Unify Phone of an ONS itself.</summary>
    public void RetrieveInClient(string ons)
    {
        var number = RequireUnifyPhoneOns(ons);
        if (!Osv.Switch.RetrieveOnDevice(number)) throw new InvalidOperationException($"the Unify Phone of {number} holds no call");
        Trace("unify-phone", $"the Unify Phone of {number} retrieves its call");
    }

    private string RequireUnifyPhoneOns(string ons) =>
        Osv.Csta.Events.V8.OndOfOns.ContainsKey(ons) ? ons : throw new ArgumentException($"{ons} is not a Unify Phone ONS of the OSV");

    /// <summary>Records a line of the run's trace.</summary>
    public void Trace(string source, string text) => _world.Trace.Record(source, text);

    /// <summary>The full number of a device alias or number.</summary>
    public string Resolve(string device) => _topology.Resolve(new Values.DeviceRef(device));

    /// <summary>The caller handle of a calling number, if a scenario caller called from it.</summary>
    public CallRef? CallRefOf(string callingNumber) => _callers.ByNumber(callingNumber);

    /// <summary>True while the caller hears the CPS (music, an announcement, ringing) rather than a person or nothing.</summary>
    public bool CallerHearsTheCps(CallRef call) =>
        _callers.Observe(call).Hearing is CallerHearing.MusicOnHold or CallerHearing.Announcement or CallerHearing.Ringing;

    /// <summary>True while the caller's call is answered by someone.</summary>
    public bool CallerIsConnected(CallRef call) => _callers.IsConnected(call);

    /// <summary>
    /// The CPS's side of the caller's call that arrived last, across nodes and restarts: its disposition once ended,
    /// or, while live on an engine, whether that engine is no longer running (crashed or restarted); null when no
    /// CPS saw a call from the caller's number.
    /// </summary>
    public CpsSideOfCall? LatestCpsCallOf(CallRef call)
    {
        if (_callers.NumberOf(call) is not { } number) return null;
        var ended = EndedRecords.LatestOf(number);
        CallRecord? live = null;
        // Plain loops: this runs for every caller at every observation of a load run (no closures, no enumerators).
        for (var n = 0; n < Nodes.Count; n++)
        {
            var engines = Nodes[n].Engines;
            for (var en = 0; en < engines.Count; en++)
            {
                var liveCalls = engines[en].LiveCalls;
                for (var i = 0; i < liveCalls.Count; i++)
                {
                    var liveCall = liveCalls[i];
                    if (liveCall.Caller == number && (live is null || liveCall.Record.EnteredAt >= live.EnteredAt)) live = liveCall.Record;
                }
            }
        }
        if (live is not null && (ended is not { } e || live.EnteredAt >= e.EnteredAt))
            return new CpsSideOfCall(null, !IsLiveOnARunningNode(live));
        return ended is { } last ? new CpsSideOfCall(last.Disposition, Orphaned: false) : null;
    }

    private bool IsLiveOnARunningNode(CallRecord record)
    {
        for (var n = 0; n < Nodes.Count; n++)
        {
            if (!Nodes[n].IsRunning) continue;
            var liveCalls = Nodes[n].Engine!.LiveCalls;
            for (var i = 0; i < liveCalls.Count; i++)
                if (liveCalls[i].Record == record) return true;
        }
        return false;
    }

    /// <summary>How the CPS typed the caller's latest call (live or ended) and whom an intercept call was meant for; null when no CPS saw one.</summary>
    public (Cps.Calls.CallType Type, Concierge.Config.Numbers.E164Number? MeantFor)? LatestCallTypeOf(CallRef call)
    {
        if (_callers.NumberOf(call) is not { } number) return null;
        var ended = EndedRecords.LatestOf(number);
        CallRecord? live = null;
        foreach (var engine in Nodes.SelectMany(n => n.Engines))
            foreach (var liveCall in engine.LiveCalls)
                if (liveCall.Caller == number && (live is null || liveCall.Record.EnteredAt >= live.EnteredAt)) live = liveCall.Record;
        if (live is not null && (ended is not { } e || live.EnteredAt >= e.EnteredAt)) return (live.Type, live.MeantFor);
        return ended is { } last ? (last.Type, last.MeantFor) : null;
    }

    /// <summary>
    /// The records statistics are computed from: the newest ended ones (<see cref="EndedRecordsByCaller.Recent"/>,
    /// bounded) and those of live calls on running engines.
    /// </summary>
    public IEnumerable<CallRecord> RecordsForStatistics =>
        EndedRecords.Recent.Concat(Nodes.Where(n => n.IsRunning).SelectMany(n => n.Engine!.LiveCalls).Select(c => c.Record));

    /// <summary>Where every engine of this world hands its ended call records.</summary>
    internal EndedRecordsByCaller EndedRecords { get; } = new();

    /// <summary>The live CPS call of a caller on the active engine, if any.</summary>
    public CpsCall? LiveCallOf(CallRef call) =>
        _callers.NumberOf(call) is { } number ? ActiveEngineOrNull?.FindCallFrom(number) : null;
}
