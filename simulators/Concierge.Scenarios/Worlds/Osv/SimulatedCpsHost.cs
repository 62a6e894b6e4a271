using System.Net;
using Concierge.Config.Model;
using Concierge.Cps.Csta;
using Concierge.Cps.Engine;
using Concierge.Cps.Node;
using Concierge.Cps.Trunk;
using Concierge.Csta.Session;
using Concierge.Media.Simulated;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Tracing;
using Concierge.Runtime.Transports.Simulated;
using Concierge.Sip.Registration;

namespace Concierge.Scenarios.Worlds.Osv;

/// <summary>
/// One Concierge server on a simulated host: the product's <see cref="CpsNode"/> on the host's network stack. A crash
/// takes the host down with everything on it (nothing more is sent, its media stops); a start brings the host up and
/// builds a fresh CPS, as a process restart would. Keeps every engine it ran, for the call records across restarts.
/// </summary>
internal sealed class SimulatedCpsHost
{
    private readonly SimulatedNetwork _network;
    private readonly SimulatedMediaPlane _media;

    public SimulatedCpsHost(string server, SimulatedHost host, SimulatedNetwork network, SimulatedEventLoop loop, SimulatedMediaPlane media,
        DeterministicRandom random, ITrace trace, IPEndPoint pbxSip, IPEndPoint pbxCsta, ISipServerResolver? resolver = null)
    {
        Host = host;
        _network = network;
        _media = media;
        Node = new CpsNode(new CpsNodeOptions
        {
            Name = server, PbxSip = pbxSip, PbxCsta = pbxCsta, Resolver = resolver,
            PabxLinkReconnectMaxDelay = PabxLinkReconnectMaxDelay,
        }, host, loop, media, random, trace);
        Node.EngineStarted += engine =>
        {
            Engines.Add(engine);
            EngineStarted?.Invoke(engine);
        };
    }

    /// <summary>The PABXLink retries a lost CSTA link at least this often.</summary>
    public static readonly TimeSpan PabxLinkReconnectMaxDelay = CpsNodeOptions.DefaultPabxLinkReconnectMaxDelay;

    /// <summary>The product's node.</summary>
    public CpsNode Node { get; }

    /// <summary>Told about every new engine (a start, a restart or a reconfiguration), e.g. to log the attendants on again.</summary>
    public Action<CpsEngine>? EngineStarted { get; set; }

    /// <summary>The Concierge server name (osc1, osc2).</summary>
    public string Server => Node.Server;

    /// <summary>The host the CPS runs on.</summary>
    public SimulatedHost Host { get; }

    /// <summary>The running engine, or null while down.</summary>
    public CpsEngine? Engine => Node.Engine;

    /// <summary>The running trunk.</summary>
    public SipTrunk? Trunk => Node.Trunk;

    /// <summary>The running registration.</summary>
    public TrunkRegistration? Registration => Node.Registration;

    /// <summary>The running CSTA side.</summary>
    public CstaPbxControl? Csta => Node.Csta;

    /// <summary>The CSTA session.</summary>
    public CstaClientSession? CstaSession => Node.CstaSession;

    /// <summary>True while the CPS process runs.</summary>
    public bool IsRunning => Node.IsRunning && Host.IsUp;

    /// <summary>Every engine this host ran, the current one last (for call records across restarts).</summary>
    public List<CpsEngine> Engines { get; } = new();

    /// <summary>Where the trunk registers and sends its calls (one fixed address, or SRV targets).</summary>
    public RegistrarTargets? Registrar => Node.Registrar;

    /// <summary>True while the running CPS was started in config mode.</summary>
    public bool IsInConfigMode => Node.IsInConfigMode;

    /// <summary>Starts a fresh CPS process with <paramref name="config"/> (the host comes up first if it was down).</summary>
    public void Start(ConciergeConfig config, bool active, CpsStartMode mode = CpsStartMode.Normal)
    {
        if (!Host.IsUp)
        {
            Node.Crash(); // what ran on the host died with it (nothing is sent: the host is still down)
            _network.Restart(Host.Name);
        }
        Node.Start(config, active, mode);
    }

    /// <summary>Applies a changed configuration to the running CPS; throws (nothing changed) when the CPS refuses.</summary>
    public void Reconfigure(ConciergeConfig config)
    {
        var result = Node.Reconfigure(config);
        if (!result.Succeeded && Node.IsRunning) throw new InvalidOperationException(result.Error);
    }

    /// <summary>The process dies with its host: sockets gone, nothing more is sent.</summary>
    public void Crash()
    {
        if (!Node.IsRunning) return;
        _network.Crash(Host.Name); // first: a dying process sends nothing more (no unregister, no goodbye)
        _media.StopAll(Host.Address);
        Node.Crash();
    }

    /// <summary>Removes the stopped node's CSTA link: its next start runs SIP only.</summary>
    public void DropPbxLink()
    {
        var result = Node.UsePbxLink(null);
        if (!result.Succeeded) throw new InvalidOperationException(result.Error);
    }

    /// <summary>Makes a running CPS take calls and register.</summary>
    public void Promote() => Node.Promote();

    /// <summary>Makes a running CPS stop taking calls and registering.</summary>
    public void Demote() => Node.Demote();
}
