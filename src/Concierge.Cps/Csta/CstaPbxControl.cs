using Concierge.Config.Numbers;
using Concierge.Csta.Messages;
using Concierge.Csta.Session;
using Concierge.Cps.Engine;
using Concierge.Cps.Legs;
using Concierge.Runtime.Tracing;

namespace Concierge.Cps.Csta;

/// <summary>
/// The CPS's CSTA side (the PABXLink role): monitors the attendant devices, keeps each one's active connection,
/// carries out forwarding, transfers and clears for the engine, and tells the engine when an attendant's call
/// ends or the link is lost, and which attendant devices the PBX presents as Unify Phone ONS (OSV "Private Data
/// Presentation – V8": the ONS/OND pair on the device's MonitorStart answer and call events). Device identifiers on
/// the link are E.164 numbers with '+'.
/// </summary>
public sealed class CstaPbxControl : IPbxControl
{
    /// <summary>How often a request the switch refused for its call's momentary state is tried again.</summary>
    public const int StateRetries = 3;

    /// <summary>How long to wait before such a retry.</summary>
    public static readonly TimeSpan StateRetryDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a transfer or clear waits for the switch to report the attendant's connection before it fails.</summary>
    public static readonly TimeSpan ConnectionWaitLimit = TimeSpan.FromSeconds(2);

    /// <summary>Most connections transferred away whose clearing is still expected (older ones are forgotten).</summary>
    public const int MaxTransfersAwaited = 64;

    private readonly CstaClientSession _session;
    private readonly TimeProvider _time;
    private readonly ITrace _trace;
    private readonly Dictionary<string, ConnectionId> _activeConnection = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConnectionId> _alertingConnection = new(StringComparer.Ordinal);
    private readonly HashSet<ConnectionId> _transferredAway = new();
    private readonly Dictionary<string, ConnectionId> _lastTransferred = new(StringComparer.Ordinal);
    private readonly HashSet<ConnectionId> _clearedWhileTransferring = new();
    private readonly HashSet<string> _connectedSinceMonitorStart = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<ConnectionId>> _clearedSinceMonitorStart = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _callsEnded = new(StringComparer.Ordinal);
    private DateTimeOffset _linkReadyAt = DateTimeOffset.MinValue;
    private readonly UnifyPhoneOnsPresentation _unifyPhone;
    private CpsEngine? _engine;

    /// <summary>Wraps <paramref name="session"/>; call <see cref="Attach"/> before starting the session.</summary>
    public CstaPbxControl(CstaClientSession session, TimeProvider time, ITrace? trace = null)
    {
        _session = session;
        _time = time;
        _trace = trace ?? NullTrace.Instance;
        _unifyPhone = new UnifyPhoneOnsPresentation(Trace);
        _session.EventReceived += OnEvent;
        _session.StateChanged += OnStateChanged;
        _session.DeviceResynced += OnDeviceResynced;
        _session.MonitorStarted += started => _unifyPhone.OnMonitorStarted(started, _engine);
        _session.MonitorStarted += started =>
        {
            _connectedSinceMonitorStart.Remove(started.Device);
            _clearedSinceMonitorStart.Remove(started.Device);
        };
    }

    /// <summary>Attendant devices the PBX presents as Unify Phone ONS, with the OND it names (learned from V8 private data).</summary>
    public IReadOnlyDictionary<E164Number, E164Number> UnifyPhoneOns => _unifyPhone.OndOfOns;

    /// <summary>V8 private data that could not be used: a pair for another device, or numbers that are not E.164 (counted, never thrown).</summary>
    public long UnusableUnifyPhoneData => _unifyPhone.Unusable;

    /// <summary>Requests that failed or timed out (counted, never thrown).</summary>
    public long FailedRequests { get; private set; }

    /// <summary>Requests dropped because the call they were for ended at the device before they could be sent.</summary>
    public long DroppedRequests { get; private set; }

    /// <summary>True while the link is registered and usable.</summary>
    public bool IsLinkUp => _session.State == CstaLinkState.Ready;

    /// <summary>Raised when the link goes down (a switch-over trigger for a standby pair, C 2.3.1).</summary>
    public event Action<string>? LinkLost;

    /// <summary>Raised when the link is ready again.</summary>
    public event Action? LinkRestored;

    /// <summary>Connects the engine and monitors every attendant device it knows.</summary>
    public void Attach(CpsEngine engine)
    {
        _engine = engine;
        engine.OnPbxLinkChanged(IsLinkUp);
        _unifyPhone.TellEverything(engine);
        foreach (var attendant in engine.Attendants) _session.Monitor(attendant.Device.ToString());
    }

    /// <inheritdoc />
    public void SetForwardingUnconditional(E164Number device, E164Number? destination, Action? answered = null)
    {
        var what = $"CFU {device} -> {destination?.ToString() ?? "off"}";
        _session.Send(new SetForwarding(device.ToString(), ForwardingType.Immediate, destination is not null, destination?.ToString()), outcome =>
        {
            if (!outcome.IsSuccess)
            {
                FailedRequests++;
                Trace($"{what} failed: {outcome.Reason}");
            }
            answered?.Invoke();
        });
    }

    /// <inheritdoc />
    public void TransferActiveCall(E164Number device, E164Number destination) =>
        // Built again for every try: the connection may change meanwhile (the switch joined the call into another).
        Send(device, () =>
        {
            if (ActiveConnection(device) is not { } connection) return null;
            if (_transferredAway.Count >= MaxTransfersAwaited) _transferredAway.Clear();
            _transferredAway.Add(connection);
            _lastTransferred[device.ToString()] = connection;
            return new SingleStepTransferCall(connection, destination.ToString());
        }, $"single-step transfer {device} -> {destination}", StateRetries, TimeSpan.Zero);

    /// <inheritdoc />
    public void ClearActiveCall(E164Number device) =>
        Send(device, () => ActiveConnection(device) is { } connection ? new ClearConnection(connection) : null, $"clear {device}", StateRetries, TimeSpan.Zero);

    /// <inheritdoc />
    public void AnswerAlertingCall(E164Number device) =>
        Send(device, () => _alertingConnection.TryGetValue(device.ToString(), out var alerting) ? new AnswerCall(alerting) : null,
            $"answer {device}", StateRetries, TimeSpan.Zero);

    /// <inheritdoc />
    public void ConfirmActiveCall(E164Number device)
    {
        var name = device.ToString();
        var callsEnded = CallsEnded(name);
        Trace($"asking the switch which call {name} is in");
        _session.Send(new SnapshotDevice(name), outcome =>
        {
            if (outcome.Response is not SnapshotDeviceResponse snapshot)
            {
                Trace($"no snapshot of {name}: {outcome.Reason}");
                return;
            }
            // The call the CPS transferred away (or, without one, the one it knows active; without either, any call
            // talking or held): still there means the call stays with the attendant. A call ringing there is another
            // (the switch's fallback hunt group rings attendants while the CPS is out of service: swarm seed 54).
            var mine = _lastTransferred.TryGetValue(name, out var transferred) ? transferred : ActiveConnection(device);
            if (snapshot.Calls.FirstOrDefault(c => c.State is LocalConnectionState.Connected or LocalConnectionState.Hold
                    && (mine is null || c.Connection.CallId == mine.Value.CallId)) is { } call)
            {
                Trace($"{name} is still in call {call.Connection.CallId} ({call.State}) at the switch");
                return;
            }
            if (CallsEnded(name) == callsEnded && _activeConnection.Remove(name)) CallEnded(name);
            Trace($"{name} is in no call at the switch: its call ended unseen");
            _engine?.OnAttendantCallEnded(device);
        });
    }

    private ConnectionId? ActiveConnection(E164Number device) =>
        _activeConnection.TryGetValue(device.ToString(), out var connection) ? connection : null;

    /// <summary>
    /// Sends the request <paramref name="build"/> makes. While it has nothing to send (the switch has not reported the
    /// attendant's connection yet: its events may lag behind the SIP side that told the CPS the call is connected) it
    /// is asked again every <see cref="StateRetryDelay"/> up to <see cref="ConnectionWaitLimit"/>. A request the switch
    /// refuses because the call is in a passing state (still being connected, or joined into another call) is built
    /// again and tried again up to <paramref name="retries"/> times after <see cref="StateRetryDelay"/>, so that a retry
    /// uses what the switch has reported meanwhile.
    /// </summary>
    private void Send(E164Number device, Func<CstaRequest?> build, string what, int retries, TimeSpan waited) =>
        Send(device.ToString(), CallsEnded(device.ToString()), build, what, retries, waited);

    /// <summary>
    /// A request waiting or retrying is for the call the device was in when the engine asked: once the switch
    /// reports that call ended (<paramref name="callsEnded"/> moved on), it is dropped, never applied to a newer call.
    /// </summary>
    private void Send(string device, long callsEnded, Func<CstaRequest?> build, string what, int retries, TimeSpan waited)
    {
        if (CallsEnded(device) != callsEnded)
        {
            DroppedRequests++;
            Trace($"{what} dropped: the call it was for has ended at {device}");
            return;
        }
        if (build() is not { } request)
        {
            if (waited < ConnectionWaitLimit)
            {
                _time.CreateTimer(_ => Send(device, callsEnded, build, what, retries, waited + StateRetryDelay), null, StateRetryDelay, Timeout.InfiniteTimeSpan);
                return;
            }
            FailedRequests++;
            Trace($"{what} not sent: no active connection known after {waited}");
            return;
        }
        if (waited > TimeSpan.Zero) Trace($"{what}: the connection was reported after {waited}");
        _session.Send(request, outcome =>
        {
            var transfer = request as SingleStepTransferCall;
            var clearedMeanwhile = transfer is not null && _clearedWhileTransferring.Remove(transfer.ActiveCall);
            if (outcome.IsSuccess) return;
            // The connection stays at the device: its clearing, when it comes, is the end of the call again. When the
            // clearing came already (taken for the transfer's), the call ended at the device: the engine is told now.
            if (transfer is not null) _transferredAway.Remove(transfer.ActiveCall);
            if (clearedMeanwhile)
            {
                Trace($"{what} failed ({outcome.Reason}) after the connection was cleared: the call ended at {device}");
                if (E164Number.TryParse(device, out var number)) _engine?.OnAttendantCallEnded(number);
                return;
            }
            if (retries > 0 && outcome.Error?.Category == ErrorCategory.StateIncompatibility)
            {
                Trace($"{what} refused for the call's state ({outcome.Reason}); trying again");
                _time.CreateTimer(_ => Send(device, callsEnded, build, what, retries - 1, waited), null, StateRetryDelay, Timeout.InfiniteTimeSpan);
                return;
            }
            FailedRequests++;
            Trace($"{what} failed: {outcome.Reason}");
            // The switch still refuses the transfer after every retry: ask it what the device is in. When the snapshot has
            // no call of that connection, the attendant's call ended unseen (its clearing never reached the CPS, e.g. the
            // switch cleared the call while the link was being re-established); the engine is told, or it would keep the
            // call with the attendant for ever. When the call is still there, it stays with the attendant.
            if (transfer is not null && outcome.Error?.Category == ErrorCategory.StateIncompatibility)
                CheckStillConnected(device, callsEnded, transfer.ActiveCall);
        });
    }

    private void OnEvent(MonitoredEvent monitored)
    {
        var device = monitored.Device;
        _unifyPhone.OnEvent(device, monitored.Event, _engine);
        if (!IsAttendant(device)) return; // a busy lamp of an office user: the field reads it, the engine has nothing to do
        NoteForResync(device, monitored.Event);
        switch (monitored.Event)
        {
            case DeliveredEvent delivered when delivered.Connection.DeviceId == device:
                _alertingConnection[device] = delivered.Connection;
                break;
            case EstablishedEvent established when established.EstablishedConnection.DeviceId == device:
                _activeConnection[device] = established.EstablishedConnection;
                _alertingConnection.Remove(device);
                break;
            case RetrievedEvent retrieved when retrieved.RetrievedConnection.DeviceId == device:
                _activeConnection[device] = retrieved.RetrievedConnection;
                break;
            case ConnectionClearedEvent cleared when cleared.DroppedConnection.DeviceId == device:
                if (_alertingConnection.TryGetValue(device, out var ringing) && ringing.CallId == cleared.DroppedConnection.CallId) _alertingConnection.Remove(device);
                // A connection the CPS transferred away (park, hold, transfer) leaves the device: the engine follows
                // that call over the request number, and this event may come late, after the attendant's next call.
                var leftByTransfer = _transferredAway.Remove(cleared.DroppedConnection);
                if (leftByTransfer)
                {
                    if (_clearedWhileTransferring.Count >= MaxTransfersAwaited) _clearedWhileTransferring.Clear();
                    _clearedWhileTransferring.Add(cleared.DroppedConnection);
                }
                if (_activeConnection.TryGetValue(device, out var active) && active.CallId == cleared.DroppedConnection.CallId)
                {
                    _activeConnection.Remove(device);
                    CallEnded(device);
                    if (!leftByTransfer && E164Number.TryParse(device, out var number)) _engine?.OnAttendantCallEnded(number);
                }
                break;
            case TransferredEvent transferred:
                if (transferred.PrimaryOldCall.DeviceId == device) _transferredAway.Remove(transferred.PrimaryOldCall);
                // The device stays in the call under a new connection id (the switch joined two calls), or it left.
                var moved = transferred.TransferredConnections.FirstOrDefault(i => i.Endpoint?.Id == device && i.NewConnection is not null);
                if (moved?.NewConnection is { } renewed) _activeConnection[device] = renewed;
                else if (_activeConnection.TryGetValue(device, out var mine) && transferred.PrimaryOldCall.CallId == mine.CallId) _activeConnection.Remove(device);
                break;
        }
    }

    /// <summary>
    /// After a (re)started monitor the switch's snapshot tells which call a device is in now. An attendant whom the
    /// CPS believes talking to a call the PBX connected before the link was (re)established, and who is in no call
    /// now, has seen that call end while the link was down (its ConnectionCleared never arrived): the engine is told,
    /// or the call would stay connected for ever. A call connected after the link came back may be newer than the
    /// snapshot and is left alone.
    /// </summary>
    private void OnDeviceResynced(DeviceResync resync)
    {
        if (!IsAttendant(resync.Device)) return;
        ReconcileForwarding(resync);
        // The resync is reported once all its answers are in; connection events that came meanwhile may be newer than
        // the snapshot: a connection reported since is what the CPS goes by, and one cleared since is gone.
        if (_connectedSinceMonitorStart.Contains(resync.Device) || resync.Calls is not { } snapshot) return;
        var cleared = _clearedSinceMonitorStart.GetValueOrDefault(resync.Device);
        if (snapshot.Calls.FirstOrDefault(c => c.State == LocalConnectionState.Connected && cleared?.Contains(c.Connection) != true) is { } connected)
        {
            _activeConnection[resync.Device] = connected.Connection;
            return;
        }
        if (!E164Number.TryParse(resync.Device, out var device) || _activeConnection.ContainsKey(resync.Device)) return;
        if (_engine?.Attendant(device)?.CurrentCall is not { Phase: Calls.CallPhase.Connected, ConnectedToAttendantAt: { } since } call || since > _linkReadyAt) return;
        Trace($"{resync.Device} is in no call after the link came back: call {call.Id} ended while the link was down");
        CallEnded(resync.Device);
        _engine.OnAttendantCallEnded(device);
    }

    /// <summary>Remembers what the events since the device's monitor started tell, against which its resync is read.</summary>
    private void NoteForResync(string device, CstaEvent happened)
    {
        switch (happened)
        {
            case EstablishedEvent or RetrievedEvent or ConferencedEvent or TransferredEvent:
                _connectedSinceMonitorStart.Add(device);
                break;
            case ConnectionClearedEvent clearedEvent when clearedEvent.DroppedConnection.DeviceId == device:
                if (!_clearedSinceMonitorStart.TryGetValue(device, out var cleared)) _clearedSinceMonitorStart[device] = cleared = new HashSet<ConnectionId>();
                if (cleared.Count >= MaxTransfersAwaited) cleared.Clear();
                cleared.Add(clearedEvent.DroppedConnection);
                break;
        }
    }

    /// <summary>
    /// A forwarding request lost with the link (the attendant's personal-line forwarding set or cleared while it was
    /// down) leaves the switch out of step with the engine: a stale forwarding to the personal line sends every call
    /// offered to the attendant back to the CPS. When the link is back the switch's setting is put right.
    /// </summary>
    private void ReconcileForwarding(DeviceResync resync)
    {
        if (resync.Forwarding is not { } forwarding || !E164Number.TryParse(resync.Device, out var device)) return;
        if (_engine?.Attendant(device) is not { CanControlCalls: true } attendant) return;
        var immediate = forwarding.ForwardingList.FirstOrDefault(f => f.ForwardingType == ForwardingType.Immediate && f.ForwardStatus);
        var toPersonalLine = immediate?.ForwardDn is { } dn && E164Number.TryParse(dn, out var destination) && destination == attendant.Place.PersonalLine;
        if (attendant.PersonalForwardingSet && immediate is null)
        {
            Trace($"{resync.Device} lost its forwarding to the personal line while the link was down: set again");
            SetForwardingUnconditional(device, attendant.Place.PersonalLine);
        }
        else if (!attendant.PersonalForwardingSet && toPersonalLine)
        {
            Trace($"{resync.Device} still forwards to its personal line after the link was down: cleared");
            SetForwardingUnconditional(device, null);
        }
    }

    private void OnStateChanged(CstaLinkState state)
    {
        if (state == CstaLinkState.Ready)
        {
            _linkReadyAt = _time.GetUtcNow();
            Trace("CSTA link ready");
            _engine?.OnPbxLinkChanged(true);
            LinkRestored?.Invoke();
        }
        else if (state is CstaLinkState.WaitingToReconnect)
        {
            _activeConnection.Clear();
            _alertingConnection.Clear();
            Trace($"CSTA link lost: {_session.LastDownReason}");
            _engine?.OnPbxLinkChanged(false);
            LinkLost?.Invoke(_session.LastDownReason ?? "link down");
        }
    }

    private long CallsEnded(string device) => _callsEnded.GetValueOrDefault(device);

    /// <summary>Reads the device's calls from the switch and ends the engine's call when <paramref name="connection"/> is not among them.</summary>
    private void CheckStillConnected(string device, long callsEnded, ConnectionId connection) =>
        _session.Send(new SnapshotDevice(device), outcome =>
        {
            if (outcome.Response is not SnapshotDeviceResponse snapshot || CallsEnded(device) != callsEnded) return;
            if (snapshot.Calls.Any(c => c.Connection.CallId == connection.CallId && c.State != LocalConnectionState.Null)) return;
            if (!_activeConnection.TryGetValue(device, out var known) || known != connection || !E164Number.TryParse(device, out var number)) return;
            _activeConnection.Remove(device);
            CallEnded(device);
            Trace($"{device} is no longer in call {connection.CallId} at the switch: its call ended unseen");
            _engine?.OnAttendantCallEnded(number);
        });

    private bool IsAttendant(string device) => E164Number.TryParse(device, out var number) && _engine?.Attendant(number) is not null;

    private void CallEnded(string device) => _callsEnded[device] = CallsEnded(device) + 1;

    private void Trace(string text)
    {
        if (_trace.IsEnabled) _trace.Record("cps.csta", text);
    }
}
