using Concierge.Config.Model;
using Concierge.Cps.Node;
using Concierge.Media;
using Concierge.Media.Rtp.Audio;
using Concierge.Media.Rtp.Streaming;
using Concierge.Media.Simulated;
using Concierge.Runtime.Faults;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Transports.Sockets;
using Concierge.Server.Options;
using Concierge.Server.Pbx;
using Concierge.Sip.Transport;
using Concierge.Store;
using Concierge.Store.CallRecords;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Concierge.Server.Hosting;

/// <summary>
/// The CPS node of the server on the real event loop, the system clock and socket transports. Everything the node
/// does runs on the loop thread: commands and status reads are posted to it (<see cref="InvokeAsync{T}"/>). A host
/// stop is an orderly node stop (the registration is withdrawn, the CSTA link closed).
/// </summary>
public sealed class NodeHost : IHostedService, IDisposable
{
    private readonly RealEventLoop _loop;
    private readonly ServerTopology _topology;
    private readonly ServerOptions _options;
    private readonly ILogger _logger;
    private int _disposed;

    /// <summary>Builds the node (nothing runs before <see cref="StartAsync"/>).</summary>
    public NodeHost(ServerOptions options, ServerTopology topology, ConciergeStore store, ILoggerFactory loggers)
    {
        _options = options;
        _topology = topology;
        _logger = loggers.CreateLogger("Concierge.Server.Node");
        var loopLogger = _logger;
        _loop = new RealEventLoop("concierge-loop", ex => loopLogger.LogError(ex, "work on the event loop failed"));
        var seed = ProcessSeed.Next();
        Seed = seed;
        var network = new SocketNetworkStack(_loop, options.SipListen.Address);
        _config = topology.Config;
        var mediaLogger = loggers.CreateLogger("Concierge.Server.Media");
        IMediaPlane media = new SimulatedMediaPlane();
        if (options.MediaPlane == MediaPlaneKind.Rtp)
        {
            var library = new MediaLibrary(options.MediaFolder, FileOf, problem => mediaLogger.LogWarning("{Problem}", problem));
            Rtp = new RtpMediaPlane(library, TimeProvider.System, new DeterministicRandom(seed).Split("rtp"), mediaLogger);
            // The digit arrives on a socket thread; which call it belongs to is read on the loop.
            Rtp.DtmfReceived += digit => _loop.Post(() => mediaLogger.LogInformation(
                "DTMF {Digit} received on RTP {Source} from {From} (volume -{Volume} dBm0), call {CallId}",
                digit.Digit, digit.Source, digit.From, digit.Volume, Node?.Trunk?.CallIdAt(digit.Source) ?? "(no leg)"));
            media = Rtp;
        }
        var tls = options.SipTlsListen is { } tlsListen && options.TlsCertificate is { } certificate
            ? new SipTlsNetworkStack(_loop, tlsListen.Address, new SipTlsOptions { ServerCertificate = certificate })
            : null;
        var recordLogger = loggers.CreateLogger("Concierge.Server.CallRecords");
        Records = new StoreCallRecordSink(store, topology.Config.Cps.Host, topology.Config,
            (record, ex) => recordLogger.LogError(ex, "call {CallId} from {Caller}: its record could not be stored: {Reason}", record.Id, record.Caller, ex.Message));
        Node = new CpsNode(new CpsNodeOptions
        {
            Name = topology.Config.Cps.Host,
            PbxSip = topology.Pbx.Sip,
            PbxCsta = topology.Pbx.Csta,
            Active = options.Mode == ServerMode.Primary,
            SipHandlerFaults = HandlerFaultPolicy.Contain,
            SipTransport = new SipTransportOptions
            {
                UdpPort = options.SipListen.Port,
                TcpPort = options.SipListen.Port,
                TlsPort = options.SipTlsListen?.Port,
                TlsStack = tls,
            },
            RecordSink = Records,
        }, network, _loop, media, new DeterministicRandom(seed), new SerilogTrace(loggers.CreateLogger("Concierge.Trace")));
        if (options.Mode == ServerMode.Standby && topology.Config.Standby is { } standby)
            Standby = new StandbyWatch(Node, _loop, standby, topology.Config.Ranges.Loop?.ToString(), _logger);
        if (options.DirectoryFile is { } directory)
            _logger.LogInformation("directory: {Entries} entries from {File}", DirectoryFile.ImportInto(Node, directory), directory);
        Node.EngineStarted += engine =>
        {
            _config = engine.Configuration;
            Standby?.Watch(engine);
            engine.Notified += _ => Changes.Signal();
            // The busy lamp field outlives a reconfigured engine: it is listened to once per start of the node.
            if (Node.BusyLamps is { } lamps && lamps != _lampsHeard)
            {
                _lampsHeard = lamps;
                lamps.Changed += _ => Changes.Signal();
            }
            Changes.Signal();
        };
    }

    private Concierge.Csta.Devices.BusyLampField? _lampsHeard;
    private volatile ConciergeConfig _config;

    /// <summary>The configuration the CPS runs now (the stored one at start; a change through the API replaces it).</summary>
    public ConciergeConfig Configuration => _config;

    /// <summary>The RTP media plane, or null with <c>--media-plane none</c>.</summary>
    public RtpMediaPlane? Rtp { get; }

    /// <summary>The file an announcement (music on hold, greeting) of the running configuration names.</summary>
    private MediaFile? FileOf(string name)
    {
        foreach (var announcement in _config.Announcements)
            if (announcement.Name == name) return new MediaFile(announcement.File, announcement.Loops);
        return null;
    }

    /// <summary>The loop-number watch of a standby server (null for the primary).</summary>
    public StandbyWatch? Standby { get; }

    /// <summary>Signalled on the loop whenever the engine or the busy lamp field reports a change (for the attendant event streams).</summary>
    public DeskChanges Changes { get; } = new();

    /// <summary>Where ended call records go: the store, one transaction per record (counts read on the loop).</summary>
    public StoreCallRecordSink Records { get; }

    /// <summary>The node; touch it only on the loop (through <see cref="InvokeAsync{T}"/>).</summary>
    internal CpsNode Node { get; }

    /// <summary>The loop's clock (the system clock; timers fire on the loop).</summary>
    public TimeProvider Time => _loop.Time;

    /// <summary>This process's random seed (logged at start).</summary>
    public ulong Seed { get; }

    /// <summary>Runs <paramref name="work"/> with the node on the loop thread.</summary>
    public Task<T> InvokeAsync<T>(Func<CpsNode, T> work) => _loop.InvokeAsync(() => work(Node));

    /// <summary>Reads many sessions ask for at once (the event streams' snapshots), run together in one turn of the loop.</summary>
    public BatchedReads Reads => LazyInitializer.EnsureInitialized(ref _reads, () => new BatchedReads(InvokeAsync));

    private BatchedReads? _reads;

    /// <summary>The node's status, read on the loop.</summary>
    public Task<CpsNodeStatus> StatusAsync() => InvokeAsync(node => node.Status);

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await InvokeAsync(node =>
        {
            node.Start(_topology.Config);
            return true;
        }).WaitAsync(cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("CPS {Server} started as {Mode}: SIP on {Sip} (UDP and TCP){Tls}, PBX registrar {Registrar}, CSTA {Csta}, seed {Seed}",
            Node.Server, _options.Mode, _options.SipListen, _options.SipTlsListen is { } tls ? $" and {tls} (TLS, certificate {_options.TlsCertificate?.Subject})" : "",
            _topology.Pbx.Sip, _topology.Pbx.Csta?.ToString() ?? "none (SIP only)", Seed);
        if (Rtp is { } rtp)
        {
            var problems = rtp.Library.Preload(_config.Announcements.Select(a => a.Name));
            _logger.LogInformation("media: RTP (G.711 PCMU/PCMA, 20 ms) on ports {Start}-{End}; files from {Folder}, {Problems} of {Count} missing or unreadable{Hint}",
                _config.Cps.RtpStartPort, _config.Cps.RtpStartPort + _config.Cps.RtpPortCount - 1, rtp.Library.Folder, problems.Count, _config.Announcements.Count,
                problems.Count > 0 ? " (scripts/make-sample-media.sh makes sample files)" : "");
        }
        else
        {
            _logger.LogWarning("media: --media-plane none: the CPS sends no RTP");
        }
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await InvokeAsync(node =>
        {
            var stack = node.Stack;
            node.Stop();
            stack?.Dispose();
            return true;
        }).WaitAsync(cancellationToken).ConfigureAwait(false);
        Rtp?.Dispose();
        _logger.LogInformation("CPS {Server} stopped (registration withdrawn)", Node.Server);
    }

    /// <summary>Stops the loop thread.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _loop.Dispose();
        Rtp?.Dispose();
    }
}
