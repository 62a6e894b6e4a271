using Concierge.Cps.Node;
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
            SipTransport = new SipTransportOptions { UdpPort = options.SipListen.Port, TcpPort = options.SipListen.Port },
            RecordSink = Records,
        }, network, _loop, new SimulatedMediaPlane(), new DeterministicRandom(seed), new SerilogTrace(loggers.CreateLogger("Concierge.Trace")));
        if (options.DirectoryFile is { } directory)
            _logger.LogInformation("directory: {Entries} entries from {File}", DirectoryFile.ImportInto(Node, directory), directory);
        Node.EngineStarted += engine =>
        {
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
        _logger.LogInformation("CPS {Server} started as {Mode}: SIP on {Sip} (UDP and TCP), PBX registrar {Registrar}, CSTA {Csta}, seed {Seed}",
            Node.Server, _options.Mode, _options.SipListen, _topology.Pbx.Sip, _topology.Pbx.Csta?.ToString() ?? "none (SIP only)", Seed);
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
        _logger.LogInformation("CPS {Server} stopped (registration withdrawn)", Node.Server);
    }

    /// <summary>Stops the loop thread.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) _loop.Dispose();
    }
}
