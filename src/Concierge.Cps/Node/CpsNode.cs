using System.Net;
using Concierge.Config.Model;
using Concierge.Cps.Attendants;
using Concierge.Cps.Csta;
using Concierge.Cps.Engine;
using Concierge.Cps.Legs;
using Concierge.Cps.Trunk;
using Concierge.Csta.Devices;
using Concierge.Csta.Numbers;
using Concierge.Csta.Session;
using Concierge.Media;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Tracing;
using Concierge.Runtime.Transports;
using Concierge.Sip.Transport;
using Concierge.Sip.UserAgent;

namespace Concierge.Cps.Node;

/// <summary>
/// The one place a CPS is assembled: SIP stack → user agent → trunk → registration → CSTA session → PBX control →
/// engine, on a given network stack, event loop, media plane and trace. The same node runs in the simulated world
/// (simulated host, virtual clock) and in the server (sockets, system clock); nothing else constructs the engines.
/// A stop withdraws the registration and closes the CSTA link; a crash drops everything without a word (the caller
/// takes the host down first); a start after either builds a fresh CPS, as a process restart would.
/// </summary>
public sealed class CpsNode
{
    private readonly INetworkStack _network;
    private readonly IEventLoop _loop;
    private readonly IMediaPlane _media;
    private readonly DeterministicRandom _random;
    private readonly ITrace _trace;
    private int _generation;
    private TimeSpan _registerInterval;

    /// <summary>Creates the node; nothing runs before <see cref="Start"/>.</summary>
    public CpsNode(CpsNodeOptions options, INetworkStack network, IEventLoop loop, IMediaPlane media, DeterministicRandom random, ITrace trace)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        _network = network ?? throw new ArgumentNullException(nameof(network));
        _loop = loop ?? throw new ArgumentNullException(nameof(loop));
        _media = media ?? throw new ArgumentNullException(nameof(media));
        _random = random ?? throw new ArgumentNullException(nameof(random));
        _trace = trace ?? throw new ArgumentNullException(nameof(trace));
        Desk = new CpsAttendantDesk(this);
    }

    /// <summary>How the node is wired.</summary>
    public CpsNodeOptions Options { get; private set; }

    /// <summary>
    /// Gives the stopped node a CSTA link to <paramref name="csta"/>, or none: the next start runs SIP only (C 2.1).
    /// Refused while the node runs.
    /// </summary>
    public CommandResult UsePbxLink(IPEndPoint? csta)
    {
        if (IsRunning) return CommandResult.Refused($"the CPS on {Server} is running: stop it before changing its PBX link");
        Options = Options with { PbxCsta = csta };
        return CommandResult.Ok;
    }

    /// <summary>
    /// Makes the stopped node's CSTA link open an ECMA-354 application session (or none) from its next start. Refused
    /// while the node runs.
    /// </summary>
    public CommandResult UseApplicationSession(CstaApplicationSessionOptions? session)
    {
        if (IsRunning) return CommandResult.Refused($"the CPS on {Server} is running: stop it before changing its CSTA link");
        if (session?.Problem() is { } problem) return CommandResult.Refused(problem);
        Options = Options with { PabxApplicationSession = session };
        return CommandResult.Ok;
    }

    /// <summary>The Concierge server name (osc1, osc2).</summary>
    public string Server => Options.Name;

    /// <summary>The address the node's SIP, RTP and CSTA run on.</summary>
    public IPAddress Address => _network.Address;

    /// <summary>Told about every new engine (a start, a restart or a reconfiguration), e.g. to log the attendants on again.</summary>
    public event Action<CpsEngine>? EngineStarted;

    /// <summary>The running engine, or null while down.</summary>
    public CpsEngine? Engine { get; private set; }

    /// <summary>The attendant API of this node's engine; refuses every command while the node is down.</summary>
    public CpsAttendantDesk Desk { get; }

    /// <summary>The running SIP stack.</summary>
    public SipStack? Stack { get; private set; }

    /// <summary>The running trunk.</summary>
    public SipTrunk? Trunk { get; private set; }

    /// <summary>The running registration.</summary>
    public TrunkRegistration? Registration { get; private set; }

    /// <summary>The running CSTA side, or null while down or without a CSTA link.</summary>
    public CstaPbxControl? Csta { get; private set; }

    /// <summary>The CSTA session, or null while down or without a CSTA link.</summary>
    public CstaClientSession? CstaSession { get; private set; }

    /// <summary>
    /// True while this node, started as the standby (secondary) server, is the active one: the processes of
    /// <see cref="Redundancy.SwitchOverRules.NotRunningWhileSecondaryActive"/> do not run then (C 2.3.3).
    /// </summary>
    public bool IsSecondaryActive => !Options.Active && Engine is { IsActive: true };

    /// <summary>The phone book attendants search and see callers' names from; kept across restarts of the engine.</summary>
    public Directory.PhoneDirectory Directory { get; private set; } = Concierge.Cps.Directory.PhoneDirectory.Empty;

    /// <summary>Replaces the phone book with the one in <paramref name="csv"/> when every line is good; otherwise nothing changes and the problems are returned.</summary>
    public Directory.DirectoryImportResult ImportDirectory(TextReader csv)
    {
        if (IsSecondaryActive)
            return new Directory.DirectoryImportResult(null, Runtime.Collections.ValueList.Of(new Directory.DirectoryImportProblem(0, "directory", null,
                "cannot be imported while the secondary server is active: the contact data provider does not run there (C 2.3.3)")));
        var result = Concierge.Cps.Directory.DirectoryCsv.Import(csv);
        if (result.Succeeded)
        {
            Directory = result.Directory!;
            _trace.Record("world", $"directory of {Directory.Entries.Count} entries imported on {Server}");
        }
        return result;
    }

    /// <summary>The busy lamp field of the configured office users, kept from the CSTA link; null without a link (SIP only) or while down.</summary>
    public BusyLampField? BusyLamps { get; private set; }

    /// <summary>Where the trunk registers and sends its calls (one fixed address, or SRV targets).</summary>
    public RegistrarTargets? Registrar { get; private set; }

    /// <summary>True while the CPS runs (started, not stopped or crashed).</summary>
    public bool IsRunning => Engine is not null;

    /// <summary>True while the running CPS was started in config mode (only a restart without it ends that).</summary>
    public bool IsInConfigMode => Engine?.IsInConfigMode == true;

    /// <summary>What an operator asks of the node now.</summary>
    public CpsNodeStatus Status => Engine is not { } engine || Stack is not { } stack ? CpsNodeStatus.Down : new CpsNodeStatus(
        true, engine.IsActive, engine.IsInConfigMode,
        Registration?.State ?? TrunkRegistrationState.Idle, Registration?.IsRegistered == true, Registration?.LastError,
        CstaSession?.State, engine.Channels.ProcessingInUse, engine.Channels.OperationalInUse, engine.LiveCalls.Count,
        stack.RequestsRejected + stack.Transport.Counters.MalformedDatagrams, stack.HandlerFaults)
    {
        FeaturesUnavailable = engine.FeaturesUnavailable,
    };

    /// <summary>
    /// How long the PBX may be silent (it probes the CPS every few seconds) before the CPS, hearing it again, asks
    /// after each of its calls there: a PBX that put the CPS out of service cleared them with BYEs that were lost.
    /// </summary>
    public static readonly TimeSpan PbxSilenceBeforeAudit = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A PBX that probes the CPS (OPTIONS every few seconds) and then falls silent for this long may have put the CPS
    /// out of service and dropped its binding: the CPS renews its registration at once (at most once per
    /// <see cref="TrunkRegistration.RetryDelay"/>) instead of waiting for the refresh, minutes away.
    /// </summary>
    public static readonly TimeSpan PbxProbeSilenceBeforeRenewal = TimeSpan.FromSeconds(10);

    private void WatchPbxProbes(SipUserAgent ua, int generation)
    {
        var lastRenewal = DateTimeOffset.MinValue;
        ITimer? watch = null;
        watch = _loop.ScheduleEvery(TimeSpan.FromSeconds(5), () =>
        {
            if (generation != _generation || Registration is not { } registration)
            {
                watch?.Dispose();
                return;
            }
            var now = _loop.Time.GetUtcNow();
            if (ua.LastProbeHeardAt is not { } heard || now - heard <= PbxProbeSilenceBeforeRenewal || now - lastRenewal < TrunkRegistration.RetryDelay) return;
            lastRenewal = now;
            registration.RenewNow($"the PBX has not probed the CPS for {(now - heard).TotalSeconds:0} s");
        });
    }

    /// <summary>
    /// Starts a fresh CPS with <paramref name="config"/>, active or as a standby as the options say (or
    /// <paramref name="active"/>), in the options' start mode (or <paramref name="mode"/>). In config mode the CPS does
    /// not register and refuses calls and attendant commands until it is started again without the mode.
    /// </summary>
    public void Start(ConciergeConfig config, bool? active = null, CpsStartMode? mode = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (Engine is not null) throw new InvalidOperationException($"the CPS on {Server} is already running");
        var isActive = active ?? Options.Active;
        _generation++;
        var name = $"{Server}.{_generation}";
        var pbxSip = SipEndPoint.Udp(Options.PbxSip.Address, Options.PbxSip.Port);
        Stack = new SipStack(_loop, _network, new SipStackOptions { Name = "cps." + Server, Transport = Options.SipTransport, HandlerFaults = Options.SipHandlerFaults }, _random.Split(name + ".sip"), _trace);
        var ua = new SipUserAgent(Stack, new SipUserAgentOptions { UserName = RegisterIdOf(config), SessionTimer = SipSessionTimerOptions.Disabled, DialogAuditAfterSilence = PbxSilenceBeforeAudit });
        Registrar = TargetsFor(config, pbxSip);
        Trunk = new SipTrunk(ua, new SipTrunkOptions(pbxSip, config.Cps.RegistrarHost, _network.Address,
            config.Cps.RtpStartPort, config.Cps.RtpPortCount), _media, _trace, Registrar);
        Registration = new TrunkRegistration(Stack, Registrar, RegisterIdOf(config), config.Cps.RegistrarHost, config.Cps.RegisterInterval, _trace);
        _registerInterval = config.Cps.RegisterInterval;
        if (Options.PbxCsta is { } csta)
        {
            CstaSession = new CstaClientSession(_loop, _network, new CstaClientOptions(csta)
            {
                ReconnectMaxDelay = Options.PabxLinkReconnectMaxDelay,
                NumberPlan = config.PabxRouting is { } routing ? NumberPlan.Create(routing) : null,
                Lenient = Options.PabxLinkLenient,
                WrittenNamespace = Options.PabxCstaNamespace,
                ApplicationSession = Options.PabxApplicationSession,
            }, _random.Split(name + ".csta"), _trace);
            Csta = new CstaPbxControl(CstaSession, _loop.Time, _trace);
            BusyLamps = new BusyLampField();
            foreach (var lamp in config.BusyLamps?.Numbers() ?? []) BusyLamps.Add(lamp.ToString());
            BusyLamps.Attach(CstaSession);
        }
        var engine = Connect(new CpsEngine(config, _loop.Time, Trunk, PbxControl(), _trace, isActive, mode ?? Options.StartMode) { RecordSink = Options.RecordSink });
        CstaSession?.Start();
        if (engine.IsInConfigMode)
        {
            _trace.Record("world", $"CPS on {Server} started in config mode: no registration, no calls");
            return;
        }
        WatchPbxProbes(ua, _generation);
        if (isActive) Registration.Start();
        // A standby resolves the registrar domain too: its loop calls go to the best target.
        else if (Registrar.UsesDns) Registrar.Refresh(_ => { });
        _trace.Record("world", $"CPS on {Server} started {(isActive ? "active" : "as standby")}");
    }

    /// <summary>
    /// The user the trunk registers as: the Register Id (the OSV endpoint alias); with OpenScape 4000, where it is
    /// unused and may be empty (the STMI registers the CPS as a gateway by address), the CPS host name.
    /// </summary>
    private static string RegisterIdOf(ConciergeConfig config) =>
        config.Cps.RegisterId is { Length: > 0 } id ? id : config.Cps.Host;

    /// <summary>The engine's port to the PBX: the CSTA side, or for a node without a CSTA link one that carries nothing out.</summary>
    private IPbxControl PbxControl() => Csta is { } csta ? csta : new NoPbxLink(_loop);

    /// <summary>
    /// Makes <paramref name="engine"/> the running one: the trunk and the CSTA side feed it (without a CSTA link it is
    /// told it runs SIP only) and <see cref="EngineStarted"/> hears of it.
    /// </summary>
    private CpsEngine Connect(CpsEngine engine)
    {
        Trunk!.Attach(engine);
        if (Csta is { } csta) csta.Attach(engine);
        else engine.RunSipOnly();
        Engine = engine;
        EngineStarted?.Invoke(engine);
        return engine;
    }

    /// <summary>
    /// The registrar of <paramref name="config"/>: a domain name (with a dot, not an IP literal) is looked up by DNS
    /// SRV when the node has a resolver; a host name or an IP literal means the PBX's SIP address.
    /// </summary>
    private RegistrarTargets TargetsFor(ConciergeConfig config, SipEndPoint pbxSip)
    {
        var host = config.Cps.RegistrarHost;
        var isDomain = host.Contains('.', StringComparison.Ordinal) && !IPAddress.TryParse(host, out _);
        return isDomain && Options.Resolver is { } resolver
            ? RegistrarTargets.ByDns(host, resolver)
            : RegistrarTargets.Fixed(host, pbxSip);
    }

    /// <summary>
    /// Applies a changed configuration to the running CPS (a Data Center change): a fresh engine with the new
    /// settings takes over the trunk and the CSTA link, keeping attendant logons and night variants. Refused (and
    /// nothing changes) while a call is on the CPS.
    /// </summary>
    public CommandResult Reconfigure(ConciergeConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (Engine is not { } old || Trunk is not { } trunk || Stack is not { } stack) return CommandResult.Refused($"the CPS on {Server} is not running");
        if (old.LiveCalls.Count > 0)
            return CommandResult.Refused($"the CPS configuration can only change while no call is on the CPS ({old.LiveCalls.Count} are)");
        var engine = new CpsEngine(config, _loop.Time, trunk, PbxControl(), _trace, old.IsActive, old.IsInConfigMode ? CpsStartMode.ConfigMode : CpsStartMode.Normal)
            { RecordSink = Options.RecordSink };
        foreach (var attendant in old.Attendants.Where(a => a.State != AttendantState.LoggedOff))
            engine.LogOn(attendant.Device, attendant.State == AttendantState.Available);
        foreach (var entry in config.DdiEntries)
            if (old.ActiveNightVariant(entry.Pilot) is { } variant) engine.SetNightVariant(entry.Pilot, variant);
        Connect(engine);
        if (Registration is { } registration && config.Cps.RegisterInterval != _registerInterval)
        {
            var wasRunning = registration.IsRegistered || old.IsActive;
            registration.Stop();
            Registration = new TrunkRegistration(stack, Registrar!, RegisterIdOf(config), config.Cps.RegistrarHost, config.Cps.RegisterInterval, _trace);
            if (wasRunning) Registration.Start();
        }
        _registerInterval = config.Cps.RegisterInterval;
        _trace.Record("world", $"CPS on {Server} reconfigured");
        return CommandResult.Ok;
    }

    /// <summary>An orderly stop: the registration is withdrawn (Expires: 0), the CSTA link closed and the SIP stack closed; then the node is down.</summary>
    public void Stop()
    {
        if (Engine is null) return;
        Registration?.Stop();
        CstaSession?.Stop();
        Stack?.Dispose(); // the withdrawal has been sent; the SIP port is free for the next start
        Forget();
        _trace.Record("world", $"CPS on {Server} stopped");
    }

    /// <summary>
    /// The process dies: the node forgets everything it ran. The caller takes the host down first (a dying process
    /// sends nothing more: no unregister, no goodbye).
    /// </summary>
    public void Crash()
    {
        if (Engine is null) return;
        Registration?.Stop();
        CstaSession?.Stop();
        Forget();
        _trace.Record("world", $"CPS on {Server} crashed");
    }

    private void Forget()
    {
        Engine = null;
        Stack = null;
        Trunk = null;
        Registration = null;
        Registrar = null;
        Csta = null;
        CstaSession = null;
        BusyLamps = null;
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
