using System.Net;
using Concierge.Config.Model;
using Concierge.Cps.Csta;
using Concierge.Cps.Engine;
using Concierge.Cps.Trunk;
using Concierge.Csta.Session;
using Concierge.Media;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Tracing;
using Concierge.Runtime.Transports.Simulated;
using Concierge.Sip.Registration;
using Concierge.Sip.Transport;
using Concierge.Sip.UserAgent;

namespace Concierge.Scenarios.Worlds.Osv;

/// <summary>
/// One Concierge server's CPS on a simulated host: SIP stack and trunk, registration at the OSV, CSTA link and the
/// engine. A crash takes the host down with everything on it; a restart builds a fresh CPS, as a process restart would.
/// </summary>
internal sealed class CpsNode
{
    private readonly SimulatedNetwork _network;
    private readonly SimulatedEventLoop _loop;
    private readonly IMediaPlane _media;
    private readonly DeterministicRandom _random;
    private readonly ITrace _trace;
    private readonly IPEndPoint _pbxSip;
    private readonly IPEndPoint _pbxCsta;
    private readonly ISipServerResolver? _resolver;
    private int _generation;

    /// <summary>
    /// Creates the node; nothing runs before <see cref="Start"/>. With <paramref name="resolver"/> a registrar host
    /// that is a domain name is looked up by DNS SRV (a geo-separated OSV, C 4.6); otherwise the CPS registers at and
    /// calls <paramref name="pbxSip"/>.
    /// </summary>
    public CpsNode(string server, SimulatedHost host, SimulatedNetwork network, SimulatedEventLoop loop, IMediaPlane media,
        DeterministicRandom random, ITrace trace, IPEndPoint pbxSip, IPEndPoint pbxCsta, ISipServerResolver? resolver = null)
    {
        _resolver = resolver;
        Server = server;
        Host = host;
        _network = network;
        _loop = loop;
        _media = media;
        _random = random;
        _trace = trace;
        _pbxSip = pbxSip;
        _pbxCsta = pbxCsta;
    }

    /// <summary>Told about every new engine (a start or a restart), e.g. to log the attendants on again.</summary>
    public Action<CpsEngine>? EngineStarted { get; set; }

    /// <summary>The PABXLink retries a lost CSTA link at least this often.</summary>
    public static readonly TimeSpan PabxLinkReconnectMaxDelay = TimeSpan.FromSeconds(10);

    /// <summary>The Concierge server name (osc1, osc2).</summary>
    public string Server { get; }

    /// <summary>The host the CPS runs on.</summary>
    public SimulatedHost Host { get; }

    /// <summary>The running engine, or null while down.</summary>
    public CpsEngine? Engine { get; private set; }

    /// <summary>The running trunk.</summary>
    public SipTrunk? Trunk { get; private set; }

    /// <summary>The running registration.</summary>
    public TrunkRegistration? Registration { get; private set; }

    /// <summary>The running CSTA side.</summary>
    public CstaPbxControl? Csta { get; private set; }

    /// <summary>The CSTA session.</summary>
    public CstaClientSession? CstaSession { get; private set; }

    /// <summary>True while the CPS process runs.</summary>
    public bool IsRunning => Engine is not null && Host.IsUp;

    /// <summary>Every engine this node ran, the current one last (for call records across restarts).</summary>
    public List<CpsEngine> Engines { get; } = new();

    /// <summary>Where the trunk registers and sends its calls (one fixed address, or SRV targets).</summary>
    public RegistrarTargets? Registrar { get; private set; }

    /// <summary>True while the running CPS was started in config mode (only a restart without it ends that).</summary>
    public bool IsInConfigMode => Engine?.IsInConfigMode == true;

    /// <summary>
    /// Starts a fresh CPS process with <paramref name="config"/>; active or as a standby. In config mode the CPS runs
    /// without a working trunk: it does not register and refuses calls and attendant commands until it is started again
    /// without the mode.
    /// </summary>
    public void Start(ConciergeConfig config, bool active, CpsStartMode mode = CpsStartMode.Normal)
    {
        if (!Host.IsUp) _network.Restart(Host.Name);
        _generation++;
        var name = $"{Server}.{_generation}";
        var stack = new SipStack(_loop, Host, new SipStackOptions { Name = "cps." + Server }, _random.Split(name + ".sip"), _trace);
        var ua = new SipUserAgent(stack, new SipUserAgentOptions { UserName = config.Cps.RegisterId, SessionTimer = SipSessionTimerOptions.Disabled });
        Registrar = TargetsFor(config);
        Trunk = new SipTrunk(ua, new SipTrunkOptions(SipEndPoint.Udp(_pbxSip.Address, _pbxSip.Port), config.Cps.RegistrarHost, Host.Address,
            config.Cps.RtpStartPort, config.Cps.RtpPortCount), _media, _trace, Registrar);
        Registration = new TrunkRegistration(stack, Registrar, config.Cps.RegisterId, config.Cps.RegistrarHost, config.Cps.RegisterInterval, _trace);
        _registerInterval = config.Cps.RegisterInterval;
        CstaSession = new CstaClientSession(_loop, Host, new CstaClientOptions(_pbxCsta) { ReconnectMaxDelay = PabxLinkReconnectMaxDelay }, _random.Split(name + ".csta"), _trace);
        Csta = new CstaPbxControl(CstaSession, _loop.Time, _trace);
        Engine = new CpsEngine(config, _loop.Time, Trunk, Csta, _trace, active, mode);
        Engines.Add(Engine);
        Trunk.Attach(Engine);
        Csta.Attach(Engine);
        EngineStarted?.Invoke(Engine);
        CstaSession.Start();
        if (Engine.IsInConfigMode)
        {
            _trace.Record("world", $"CPS on {Server} started in config mode: no registration, no calls");
            return;
        }
        if (active) Registration.Start();
        // A standby resolves the registrar domain too: its loop calls go to the best target.
        else if (Registrar.UsesDns) Registrar.Refresh(_ => { });
        _trace.Record("world", $"CPS on {Server} started {(active ? "active" : "as standby")}");
    }

    /// <summary>
    /// The registrar of <paramref name="config"/>: a domain name (with a dot, not an IP literal) is looked up by DNS
    /// SRV when the world has DNS records for it; a topology host name or an IP literal means the OSV's SIP address.
    /// </summary>
    private RegistrarTargets TargetsFor(ConciergeConfig config)
    {
        var host = config.Cps.RegistrarHost;
        var isDomain = host.Contains('.', StringComparison.Ordinal) && !IPAddress.TryParse(host, out _);
        return isDomain && _resolver is not null
            ? RegistrarTargets.ByDns(host, _resolver)
            : RegistrarTargets.Fixed(host, SipEndPoint.Udp(_pbxSip.Address, _pbxSip.Port));
    }

    /// <summary>
    /// Applies a changed configuration to the running CPS (a Data Center change): a fresh engine with the new
    /// settings takes over the trunk and the CSTA link, keeping attendant logons and night variants. Only while no
    /// call is on the CPS.
    /// </summary>
    public void Reconfigure(ConciergeConfig config)
    {
        if (Engine is not { } old) return;
        if (old.LiveCalls.Count > 0)
            throw new InvalidOperationException($"the CPS configuration can only change while no call is on the CPS ({old.LiveCalls.Count} are)");
        var engine = new CpsEngine(config, _loop.Time, Trunk!, Csta!, _trace, old.IsActive, old.IsInConfigMode ? CpsStartMode.ConfigMode : CpsStartMode.Normal);
        foreach (var attendant in old.Attendants.Where(a => a.State != Cps.Attendants.AttendantState.LoggedOff))
            engine.LogOn(attendant.Device, attendant.State == Cps.Attendants.AttendantState.Available);
        foreach (var entry in config.DdiEntries)
            if (old.ActiveNightVariant(entry.Pilot) is { } variant) engine.SetNightVariant(entry.Pilot, variant);
        Trunk!.Attach(engine);
        Csta!.Attach(engine);
        Engine = engine;
        Engines.Add(engine);
        if (Registration is { } registration && config.Cps.RegisterInterval != _registerInterval)
        {
            var wasRunning = registration.IsRegistered || old.IsActive;
            registration.Stop();
            Registration = new TrunkRegistration(Trunk.UserAgent.Stack, Registrar!, config.Cps.RegisterId,
                config.Cps.RegistrarHost, config.Cps.RegisterInterval, _trace);
            if (wasRunning) Registration.Start();
        }
        _registerInterval = config.Cps.RegisterInterval;
        _trace.Record("world", $"CPS on {Server} reconfigured");
    }

    private TimeSpan _registerInterval;

    /// <summary>The process dies with its host: sockets gone, nothing more is sent.</summary>
    public void Crash()
    {
        if (Engine is null) return;
        _network.Crash(Host.Name); // first: a dying process sends nothing more (no unregister, no goodbye)
        (_media as Media.Simulated.SimulatedMediaPlane)?.StopAll(Host.Address);
        Registration?.Stop();
        CstaSession?.Stop();
        Engine = null;
        Trunk = null;
        Registration = null;
        Registrar = null;
        Csta = null;
        CstaSession = null;
        _trace.Record("world", $"CPS on {Server} crashed");
    }

    /// <summary>Makes a running CPS take calls and register (takeover, switch back); a CPS in config mode stays as it is.</summary>
    public void Promote()
    {
        if (Engine is null || Engine.IsInConfigMode) return;
        Engine.Activate();
        Registration?.Start();
    }

    /// <summary>Makes a running CPS stop taking calls and registering (it is no longer the active server).</summary>
    public void Demote()
    {
        if (Engine is null) return;
        Engine.Deactivate();
        Registration?.Stop();
    }
}
