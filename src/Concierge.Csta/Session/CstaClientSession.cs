using System.Buffers;
using Concierge.Csta.Framing;
using Concierge.Csta.Messages;
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
public sealed class CstaClientSession
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

    private CstaLinkCodec? _codec;
    private IStreamConnection? _connection;
    private int _generation;
    private long _sequence;
    private ITimer? _connectTimer;
    private ITimer? _heartbeatTimer;
    private ITimer? _reconnectTimer;
    private bool _heartbeatOutstanding;
    private int _missedHeartbeats;

    /// <summary>Creates a stopped session; <paramref name="random"/> (split per component) jitters reconnects.</summary>
    public CstaClientSession(IEventLoop loop, INetworkStack network, CstaClientOptions options, DeterministicRandom? random = null, ITrace? trace = null)
    {
        _loop = loop ?? throw new ArgumentNullException(nameof(loop));
        _network = network ?? throw new ArgumentNullException(nameof(network));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _trace = trace ?? NullTrace.Instance;
        _backoff = new ReconnectBackoff(options.ReconnectInitialDelay, options.ReconnectMaxDelay, options.ReconnectJitterFraction, random);
    }

    /// <summary>Where the link is.</summary>
    public CstaLinkState State { get; private set; }

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
        TearDown("stopped", CstaLinkState.Stopped);
    }

    /// <summary>Wants a monitor on <paramref name="device"/>; it is started now or once the link is ready. Idempotent.</summary>
    public void Monitor(string device)
    {
        ArgumentException.ThrowIfNullOrEmpty(device);
        if (_monitors.ContainsKey(device)) return;
        var entry = new MonitorEntry(device);
        _monitors.Add(device, entry);
        if (State == CstaLinkState.Ready) StartMonitor(entry);
    }

    /// <summary>No longer wants a monitor on <paramref name="device"/>; a running one is stopped.</summary>
    public void Unmonitor(string device)
    {
        if (!_monitors.Remove(device, out var entry)) return;
        entry.RetryTimer?.Dispose();
        entry.RetryTimer = null;
        if (entry is { Status: MonitorStatus.Active, CrossRefId: { } crossRef })
        {
            _byCrossRef.Remove(crossRef);
            StopMonitorOnSwitch(crossRef);
        }
    }

    /// <summary>The monitor entry of a device, if wanted.</summary>
    public MonitorEntry? MonitorOf(string device) => _monitors.GetValueOrDefault(device);

    /// <summary>
    /// Sends a request; <paramref name="onOutcome"/> is told exactly once how it ended. Returns the invoke id, or null
    /// when it was not sent (the outcome then says why, on a later turn of the loop).
    /// </summary>
    public int? Send(CstaRequest request, Action<CstaRequestOutcome> onOutcome, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(onOutcome);
        if (State != CstaLinkState.Ready)
        {
            var reason = $"link is {State}";
            _loop.Post(() => onOutcome(CstaRequestOutcome.Failed(CstaOutcomeKind.NotSent, reason)));
            return null;
        }
        return SendRequest(request, onOutcome, timeout ?? _options.RequestTimeout);
    }

    private void Connect()
    {
        var generation = ++_generation;
        SetState(CstaLinkState.Connecting);
        Counters.ConnectAttempts++;
        _codec = new CstaLinkCodec(_options.Framing);
        _connectTimer = _loop.ScheduleAfter(_options.ConnectTimeout, () =>
        {
            if (generation == _generation && State == CstaLinkState.Connecting) LinkDown("connect timed out");
        });
        try
        {
            var connection = _network.Connect(_options.Pabx, new LinkHandler(this, generation));
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
        Trace($"connected {connection.LocalEndPoint} -> {connection.RemoteEndPoint}; SystemRegister");
        SendRequest(new SystemRegister(), outcome => OnRegistered(generation, outcome), _options.RequestTimeout);
    }

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
        var failure = _codec.Receive(data, inbound => OnInbound(generation, inbound));
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
        if (!result.IsSuccess)
        {
            Counters.DecodeErrors++;
            Trace($"undecodable frame {inbound.InvokeId:D4} <{result.RootElement}>: {result.Error}");
            var looksLikeAnswer = result.RootElement is { } root && (root.EndsWith("Response", StringComparison.Ordinal) || root == "CSTAErrorCode");
            if (looksLikeAnswer && _pending.Remove(inbound.InvokeId, out var pending))
            {
                pending.Timer?.Dispose();
                pending.OnOutcome(CstaRequestOutcome.Failed(CstaOutcomeKind.Error, $"answer could not be decoded: {result.Error}"));
            }
            return;
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

    private void DeliverEvent(CstaEvent e)
    {
        if (!_byCrossRef.TryGetValue(e.MonitorCrossRefId, out var entry))
        {
            Counters.EventsForUnknownMonitors++;
            return;
        }
        Counters.EventsDelivered++;
        EventReceived?.Invoke(new MonitoredEvent(entry.Device, e));
    }

    private void AnswerSwitchRequest(int invokeId, CstaRequest request)
    {
        CstaMessage answer = request switch
        {
            SystemStatusRequest => new SystemStatusResponse(),
            RequestSystemStatus => new RequestSystemStatusResponse(SystemStatus.Normal),
            _ => CstaErrorResponse.ServiceNotSupported,
        };
        Counters.SwitchRequestsAnswered++;
        Write(invokeId, answer);
    }

    private void CompletePending(int invokeId, CstaMessage answer)
    {
        if (_pending.TryGetValue(invokeId, out var pending) && ResponseTypes.Answers(pending.Request, answer))
        {
            _pending.Remove(invokeId);
            pending.Timer?.Dispose();
            pending.OnOutcome(CstaRequestOutcome.Of(answer));
            return;
        }
        Counters.LateAnswers++;
        if (answer is MonitorStartResponse late && _abandonedMonitorStarts.Remove(invokeId, out var device))
        {
            HandleLateMonitorStart(device, late.MonitorCrossRefId);
        }
        else
        {
            Trace($"answer {answer.GetType().Name} for invoke id {invokeId:D4} matches no pending request");
        }
    }

    private int? SendRequest(CstaRequest request, Action<CstaRequestOutcome> onOutcome, TimeSpan timeout)
    {
        string? refusal = null;
        int? invokeId = null;
        if (_connection is null || _codec is null) refusal = "not connected";
        else if (_pending.Count >= _options.MaxPendingRequests) refusal = $"{_pending.Count} requests already pending";
        else
        {
            invokeId = _invokeIds.Next(id => _pending.ContainsKey(id) || _abandonedMonitorStarts.ContainsKey(id));
            if (invokeId is null) refusal = "no free invoke id";
        }
        if (refusal is null)
        {
            _output.ResetWrittenCount();
            refusal = _codec!.TryWrite(invokeId!.Value, request, _output);
        }
        if (refusal is not null)
        {
            var reason = refusal;
            _loop.Post(() => onOutcome(CstaRequestOutcome.Failed(CstaOutcomeKind.NotSent, reason)));
            return null;
        }
        var id = invokeId!.Value;
        var pending = new PendingRequest(request, onOutcome, ++_sequence);
        _pending.Add(id, pending);
        pending.Timer = _loop.ScheduleAfter(timeout, () => OnRequestTimeout(id, pending.Sequence));
        _connection!.Send(_output.WrittenSpan);
        return id;
    }

    private void OnRequestTimeout(int invokeId, long sequence)
    {
        if (!_pending.TryGetValue(invokeId, out var pending) || pending.Sequence != sequence) return;
        _pending.Remove(invokeId);
        Counters.RequestTimeouts++;
        if (pending.Request is MonitorStart start && _abandonedMonitorStarts.Count < MaxAbandonedMonitorStarts)
        {
            _abandonedMonitorStarts[invokeId] = start.Device;
        }
        Trace($"{pending.Request.GetType().Name} {invokeId:D4} timed out");
        pending.OnOutcome(CstaRequestOutcome.Failed(CstaOutcomeKind.Timeout, "no answer in time"));
    }

    private void Write(int invokeId, CstaMessage message)
    {
        if (_connection is null || _codec is null) return;
        _output.ResetWrittenCount();
        if (_codec.TryWrite(invokeId, message, _output) is { } error)
        {
            Trace($"cannot write {message.GetType().Name}: {error}");
            return;
        }
        _connection.Send(_output.WrittenSpan);
    }

    private void OnHeartbeatTick(int generation)
    {
        if (generation != _generation || State != CstaLinkState.Ready || _heartbeatOutstanding) return;
        _heartbeatOutstanding = true;
        var timeout = _options.RequestTimeout < _options.HeartbeatInterval ? _options.RequestTimeout : _options.HeartbeatInterval;
        SendRequest(new SystemStatusRequest(SystemStatus.Normal), outcome =>
        {
            if (generation != _generation) return;
            _heartbeatOutstanding = false;
            if (outcome.Kind == CstaOutcomeKind.Response)
            {
                _missedHeartbeats = 0;
                return;
            }
            if (outcome.Kind is CstaOutcomeKind.LinkLost) return;
            Counters.HeartbeatsMissed++;
            if (++_missedHeartbeats >= _options.MissedHeartbeatLimit) LinkDown($"{_missedHeartbeats} heartbeats unanswered ({outcome.Reason})");
        }, timeout);
    }

    private void StartMonitor(MonitorEntry entry)
    {
        entry.RetryTimer?.Dispose();
        entry.RetryTimer = null;
        entry.Status = MonitorStatus.Starting;
        entry.Starts++;
        var generation = _generation;
        SendRequest(new MonitorStart(entry.Device), outcome => OnMonitorStartOutcome(entry, generation, outcome), _options.RequestTimeout);
    }

    private void OnMonitorStartOutcome(MonitorEntry entry, int generation, CstaRequestOutcome outcome)
    {
        if (generation != _generation || outcome.Kind == CstaOutcomeKind.LinkLost) return;
        var stillWanted = _monitors.TryGetValue(entry.Device, out var current) && ReferenceEquals(current, entry);
        if (outcome.Response is MonitorStartResponse started)
        {
            if (!stillWanted || entry.Status == MonitorStatus.Active)
            {
                if (stillWanted) Counters.DuplicateMonitorsStopped++;
                StopMonitorOnSwitch(started.MonitorCrossRefId);
                return;
            }
            Activate(entry, started.MonitorCrossRefId);
            return;
        }
        if (!stillWanted || entry.Status == MonitorStatus.Active) return;
        entry.Status = MonitorStatus.Wanted;
        entry.LastFailure = outcome.Reason;
        Trace($"monitor {entry.Device} not started: {outcome.Reason}; retry in {_options.MonitorRetryDelay}");
        entry.RetryTimer = _loop.ScheduleAfter(_options.MonitorRetryDelay, () =>
        {
            entry.RetryTimer = null;
            if (generation == _generation && State == CstaLinkState.Ready && entry.Status == MonitorStatus.Wanted &&
                _monitors.TryGetValue(entry.Device, out var now) && ReferenceEquals(now, entry))
            {
                StartMonitor(entry);
            }
        });
    }

    private void HandleLateMonitorStart(string device, string crossRefId)
    {
        if (_monitors.TryGetValue(device, out var entry) && entry.Status != MonitorStatus.Active)
        {
            Trace($"late MonitorStart answer for {device} adopted as {crossRefId}");
            Activate(entry, crossRefId);
            return;
        }
        Counters.DuplicateMonitorsStopped++;
        StopMonitorOnSwitch(crossRefId);
    }

    private void Activate(MonitorEntry entry, string crossRefId)
    {
        entry.RetryTimer?.Dispose();
        entry.RetryTimer = null;
        entry.Status = MonitorStatus.Active;
        entry.CrossRefId = crossRefId;
        entry.LastFailure = null;
        _byCrossRef[crossRefId] = entry;
        Trace($"monitor {entry.Device} active as {crossRefId}");
        if (_options.ResyncDevicesOnMonitorStart) Resync(entry.Device);
    }

    private void StopMonitorOnSwitch(string crossRefId)
    {
        if (State == CstaLinkState.Ready) SendRequest(new MonitorStop(crossRefId), static _ => { }, _options.RequestTimeout);
    }

    private void Resync(string device)
    {
        SnapshotDeviceResponse? calls = null;
        GetForwardingResponse? forwarding = null;
        bool? dnd = null;
        var outstanding = 3;
        var generation = _generation;
        void Done()
        {
            if (--outstanding == 0 && generation == _generation) DeviceResynced?.Invoke(new DeviceResync(device, calls, forwarding, dnd));
        }
        SendRequest(new SnapshotDevice(device), o => { calls = o.Response as SnapshotDeviceResponse; Done(); }, _options.RequestTimeout);
        SendRequest(new GetForwarding(device), o => { forwarding = o.Response as GetForwardingResponse; Done(); }, _options.RequestTimeout);
        SendRequest(new GetDoNotDisturb(device), o => { dnd = (o.Response as GetDoNotDisturbResponse)?.DoNotDisturbOn; Done(); }, _options.RequestTimeout);
    }

    private void LinkDown(string reason)
    {
        if (State is CstaLinkState.Stopped or CstaLinkState.WaitingToReconnect) return;
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
