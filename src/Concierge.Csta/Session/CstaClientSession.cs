using System.Buffers;
using System.Net;
using Concierge.Csta.Codec;
using Concierge.Csta.Framing;
using Concierge.Csta.Messages;
using Concierge.Csta.Numbers;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Tracing;
using Concierge.Runtime.Transports;

namespace Concierge.Csta.Session;

/// <summary>
/// The client end of a CSTA link (the PABXLink role): connects, registers, keeps the link alive with SystemStatus
/// heartbeats, correlates answers by invoke id with a timeout per request, reconnects with capped backoff, and keeps
/// the wanted device monitors running across reconnects, one per device. Runs on one event loop; no I/O of its own.
/// </summary>
public sealed partial class CstaClientSession
{
    private const int MaxAbandonedMonitorStarts = 256;
    private const string TraceSource = "csta.client";

    private readonly IEventLoop _loop;
    private readonly INetworkStack _network;
    private readonly CstaClientOptions _options;
    private readonly ITrace _trace;
    private readonly ReconnectBackoff _backoff;
    private readonly InvokeIdAllocator _invokeIds = new();
    private readonly Dictionary<int, PendingRequest> _pending = new();
    private readonly Dictionary<string, MonitorEntry> _monitors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MonitorEntry> _byCrossRef = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _abandonedMonitorStarts = new();
    private readonly ArrayBufferWriter<byte> _output = new(2048);
    private readonly DeviceNumberNormaliser _normaliser;
    private readonly CstaDialect _dialect;

    private CstaLinkCodec? _codec;
    private Action<CstaInbound>? _inboundSink;
    private IStreamConnection? _connection;
    private int _generation;
    private long _sequence;
    private ITimer? _connectTimer;
    private ITimer? _heartbeatTimer;
    private ITimer? _reconnectTimer;
    private readonly IReadOnlyList<IPEndPoint> _endpoints;
    private int _endpointIndex;
    private bool _heartbeatOutstanding;
    private int _missedHeartbeats;

    /// <summary>Creates a stopped session; <paramref name="random"/> (split per component) jitters reconnects.</summary>
    public CstaClientSession(IEventLoop loop, INetworkStack network, CstaClientOptions options, DeterministicRandom? random = null, ITrace? trace = null)
    {
        _loop = loop ?? throw new ArgumentNullException(nameof(loop));
        _network = network ?? throw new ArgumentNullException(nameof(network));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        if (options.Problem() is { } problem) throw new ArgumentException(problem, nameof(options));
        _endpoints = options.Endpoints;
        _trace = trace ?? NullTrace.Instance;
        _backoff = new ReconnectBackoff(options.ReconnectInitialDelay, options.ReconnectMaxDelay, options.ReconnectJitterFraction, random);
        _normaliser = new DeviceNumberNormaliser(options.NumberPlan);
        _dialect = new CstaDialect { WrittenNamespace = options.WrittenNamespace, Lenient = options.Lenient, ReadDevice = _normaliser.Normalise };
    }

    /// <summary>Turns the device identifiers the switch sends into E.164; its counters say how many it could not.</summary>
    public DeviceNumberNormaliser Numbers => _normaliser;

    /// <summary>Where the link is.</summary>
    public CstaLinkState State { get; private set; }

    /// <summary>The endpoint connected to, or tried next.</summary>
    public IPEndPoint CurrentEndpoint => _endpoints[_endpointIndex];

    /// <summary>Why the link last went down.</summary>
    public string? LastDownReason { get; private set; }

    /// <summary>Counts of what happened.</summary>
    public CstaSessionCounters Counters { get; } = new();

    /// <summary>The wanted monitors and their state.</summary>
    public IReadOnlyCollection<MonitorEntry> Monitors => _monitors.Values;

    /// <summary>Requests awaiting an answer.</summary>
    public int PendingRequests => _pending.Count;

    /// <summary>The link changed state.</summary>
    public event Action<CstaLinkState>? StateChanged;

    /// <summary>A device monitor became active (first start or restart), with the switch's private data for the device.</summary>
    public event Action<StartedMonitor>? MonitorStarted;

    /// <summary>An event arrived on one of the monitors.</summary>
    public event Action<MonitoredEvent>? EventReceived;

    /// <summary>A device's state was read after its monitor (re)started.</summary>
    public event Action<DeviceResync>? DeviceResynced;

    /// <summary>The link went down: every monitor's picture of its device is stale until resynchronised.</summary>
    public event Action? MonitorsInvalidated;

    /// <summary>Starts connecting (no-op unless stopped).</summary>
    public void Start()
    {
        if (State != CstaLinkState.Stopped) return;
        Connect();
    }

    /// <summary>Closes the link and stops reconnecting; wanted monitors are kept for the next Start.</summary>
    public void Stop()
    {
        if (State == CstaLinkState.Stopped) return;
        StopApplicationSession();
        TearDown("stopped", CstaLinkState.Stopped);
    }

    private void Connect()
    {
        var generation = ++_generation;
        SetState(CstaLinkState.Connecting);
        Counters.ConnectAttempts++;
        _codec = new CstaLinkCodec(_options.Framing, _dialect);
        _inboundSink = inbound => OnInbound(generation, inbound);
        _connectTimer = _loop.ScheduleAfter(_options.ConnectTimeout, () =>
        {
            if (generation == _generation && State == CstaLinkState.Connecting) LinkDown("connect timed out");
        });
        try
        {
            var connection = _network.Connect(CurrentEndpoint, new LinkHandler(this, generation));
            if (generation == _generation) _connection = connection;
        }
        catch (TransportException ex)
        {
            LinkDown($"connect failed: {ex.Message}");
        }
    }

    private void OnConnected(int generation, IStreamConnection connection)
    {
        if (generation != _generation)
        {
            connection.Close("superseded by a newer connect");
            return;
        }
        _connectTimer?.Dispose();
        _connectTimer = null;
        _connection = connection;
        SetState(CstaLinkState.Registering);
        if (_options.ApplicationSession is { } session)
        {
            Trace($"connected {connection.LocalEndPoint} -> {connection.RemoteEndPoint}; StartApplicationSession");
            StartApplicationSession(generation, session);
            return;
        }
        Trace($"connected {connection.LocalEndPoint} -> {connection.RemoteEndPoint}; SystemRegister");
        Register(generation);
    }

    private void Register(int generation) =>
        SendRequest(new SystemRegister(), outcome => OnRegistered(generation, outcome), _options.RequestTimeout);

    private void OnRegistered(int generation, CstaRequestOutcome outcome)
    {
        if (generation != _generation || outcome.Kind == CstaOutcomeKind.LinkLost) return;
        if (!outcome.IsSuccess)
        {
            LinkDown($"SystemRegister failed: {outcome.Reason}");
            return;
        }
        _backoff.Reset();
        _missedHeartbeats = 0;
        _heartbeatOutstanding = false;
        Counters.LinksReady++;
        SetState(CstaLinkState.Ready);
        _heartbeatTimer = _loop.ScheduleEvery(_options.HeartbeatInterval, () => OnHeartbeatTick(generation));
        foreach (var entry in _monitors.Values.ToList())
        {
            if (entry.Status == MonitorStatus.Wanted) StartMonitor(entry);
        }
    }

    private void OnData(int generation, ReadOnlySpan<byte> data)
    {
        if (generation != _generation || _codec is null) return;
        var failure = _codec.Receive(data, _inboundSink!);
        if (failure is not null && generation == _generation) LinkDown($"framing: {failure}");
    }

    private void OnClosed(int generation, string reason)
    {
        if (generation != _generation) return;
        LinkDown($"connection closed: {reason}");
    }

    private void OnInbound(int generation, CstaInbound inbound)
    {
        if (generation != _generation) return;
        var result = inbound.Result;
        if (result.Ignored)
        {
            Counters.UnknownEventsIgnored++;
            Trace($"ignored <{result.RootElement}> {inbound.InvokeId:D4}: {result.Error}");
            return;
        }
        if (!result.IsSuccess)
        {
            Counters.DecodeErrors++;
            if (result.NamespaceRejected) Counters.NamespaceRejected++;
            Trace($"undecodable frame {inbound.InvokeId:D4} <{result.RootElement}>: {result.Error}");
            var looksLikeAnswer = result.RootElement is { } root && (root.EndsWith("Response", StringComparison.Ordinal) || root == "CSTAErrorCode");
            if (looksLikeAnswer && _pending.Remove(inbound.InvokeId, out var pending))
            {
                pending.Timer?.Dispose();
                pending.OnOutcome(CstaRequestOutcome.Failed(CstaOutcomeKind.Error, $"answer could not be decoded: {result.Error}"));
            }
            return;
        }
        if (result.PrivateDataRejection is { } rejection)
        {
            Counters.PrivateDataRejected++;
            Trace($"private data of <{result.RootElement}> {inbound.InvokeId:D4} dropped: {rejection}");
        }
        switch (result.Message)
        {
            case CstaEvent e:
                DeliverEvent(e);
                break;
            case CstaRequest request:
                AnswerSwitchRequest(inbound.InvokeId, request);
                break;
            default:
                CompletePending(inbound.InvokeId, result.Message!);
                break;
        }
    }

    private void LinkDown(string reason)
    {
        if (State is CstaLinkState.Stopped or CstaLinkState.WaitingToReconnect) return;
        if (State is not CstaLinkState.Ready && _endpoints.Count > 1)
        {
            // This endpoint did not get us a working link: the next attempt goes to the next one.
            _endpointIndex = (_endpointIndex + 1) % _endpoints.Count;
        }
        TearDown(reason, CstaLinkState.WaitingToReconnect);
        var delay = _backoff.NextDelay();
        Trace($"reconnect in {delay}");
        var generation = _generation;
        _reconnectTimer = _loop.ScheduleAfter(delay, () =>
        {
            _reconnectTimer = null;
            if (generation == _generation && State == CstaLinkState.WaitingToReconnect) Connect();
        });
    }

    private void TearDown(string reason, CstaLinkState next)
    {
        if (State is CstaLinkState.Registering or CstaLinkState.Ready) Counters.LinksLost++;
        LastDownReason = reason;
        Trace($"link down: {reason}");
        _generation++;
        _connectTimer?.Dispose();
        _heartbeatTimer?.Dispose();
        _reconnectTimer?.Dispose();
        _connectTimer = _heartbeatTimer = _reconnectTimer = null;
        EndApplicationSession();
        var connection = _connection;
        _connection = null;
        _codec = null;
        if (connection is { IsOpen: true }) connection.Close(reason);

        var failed = _pending.Values.ToList();
        _pending.Clear();
        _abandonedMonitorStarts.Clear();
        _byCrossRef.Clear();
        foreach (var entry in _monitors.Values)
        {
            entry.RetryTimer?.Dispose();
            entry.RetryTimer = null;
            entry.Status = MonitorStatus.Wanted;
            entry.CrossRefId = null;
        }
        SetState(next);
        foreach (var pending in failed)
        {
            pending.Timer?.Dispose();
            pending.OnOutcome(CstaRequestOutcome.Failed(CstaOutcomeKind.LinkLost, reason));
        }
        MonitorsInvalidated?.Invoke();
    }

    private void SetState(CstaLinkState state)
    {
        if (State == state) return;
        State = state;
        Trace($"state {state}");
        StateChanged?.Invoke(state);
    }

    private void Trace(string text)
    {
        if (_trace.IsEnabled) _trace.Record(TraceSource, text);
    }

    private sealed class LinkHandler(CstaClientSession session, int generation) : IStreamHandler
    {
        public void OnConnected(IStreamConnection connection) => session.OnConnected(generation, connection);

        public void OnData(IStreamConnection connection, ReadOnlySpan<byte> data) => session.OnData(generation, data);

        public void OnClosed(IStreamConnection connection, string reason) => session.OnClosed(generation, reason);
    }
}
