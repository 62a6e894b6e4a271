using System.Buffers;
using Concierge.Csta.Framing;
using Concierge.Csta.Messages;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Tracing;
using Concierge.Runtime.Transports;

namespace Concierge.Csta.Session;

// Monitors: one per wanted device, restarted after every reconnect, never duplicated.
public sealed partial class CstaClientSession
{
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
            Activate(entry, started.MonitorCrossRefId, started.PrivateData);
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

    private void HandleLateMonitorStart(string device, string crossRefId, PrivateData? privateData)
    {
        if (_monitors.TryGetValue(device, out var entry) && entry.Status != MonitorStatus.Active)
        {
            Trace($"late MonitorStart answer for {device} adopted as {crossRefId}");
            Activate(entry, crossRefId, privateData);
            return;
        }
        Counters.DuplicateMonitorsStopped++;
        StopMonitorOnSwitch(crossRefId);
    }

    private void Activate(MonitorEntry entry, string crossRefId, PrivateData? privateData)
    {
        entry.RetryTimer?.Dispose();
        entry.RetryTimer = null;
        entry.Status = MonitorStatus.Active;
        entry.CrossRefId = crossRefId;
        entry.LastFailure = null;
        _byCrossRef[crossRefId] = entry;
        Trace($"monitor {entry.Device} active as {crossRefId}");
        MonitorStarted?.Invoke(new StartedMonitor(entry.Device, crossRefId, privateData));
        if (_options.ResyncDevicesOnMonitorStart) Resync(entry.Device);
    }

    private void StopMonitorOnSwitch(string crossRefId)
    {
        if (State == CstaLinkState.Ready) SendRequest(new MonitorStop(crossRefId), static _ => { }, _options.RequestTimeout);
    }

    /// <summary>Times a device resync is asked again when a question of it timed out (a slow or lossy link).</summary>
    public const int ResyncAttempts = 3;

    private void Resync(string device, int attempt = 1)
    {
        SnapshotDeviceResponse? calls = null;
        GetForwardingResponse? forwarding = null;
        bool? dnd = null;
        var outstanding = 3;
        var timedOut = false;
        var generation = _generation;
        void Done(CstaRequestOutcome outcome)
        {
            timedOut |= outcome.Kind == CstaOutcomeKind.Timeout;
            if (--outstanding != 0 || generation != _generation) return;
            // A snapshot that timed out leaves the device's calls unknown (the CPS could neither move nor end them):
            // ask again, a few times, while the link that asked is still up.
            if (timedOut && attempt < ResyncAttempts && State == CstaLinkState.Ready)
            {
                Trace($"resync of {device} timed out; asking again ({attempt + 1} of {ResyncAttempts})");
                Resync(device, attempt + 1);
                return;
            }
            DeviceResynced?.Invoke(new DeviceResync(device, calls, forwarding, dnd));
        }
        SendRequest(new SnapshotDevice(device), o => { calls = o.Response as SnapshotDeviceResponse; Done(o); }, _options.RequestTimeout);
        SendRequest(new GetForwarding(device), o => { forwarding = o.Response as GetForwardingResponse; Done(o); }, _options.RequestTimeout);
        SendRequest(new GetDoNotDisturb(device), o => { dnd = (o.Response as GetDoNotDisturbResponse)?.DoNotDisturbOn; Done(o); }, _options.RequestTimeout);
    }
}
