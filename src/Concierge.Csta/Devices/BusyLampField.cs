using Concierge.Csta.Messages;
using Concierge.Csta.Session;

namespace Concierge.Csta.Devices;

/// <summary>
/// The picture of many monitored devices, kept current from a client session's events and resyncs; tells listeners
/// (the attendant API) about every change. Single-threaded, on the session's loop.
/// </summary>
public sealed class BusyLampField
{
    private readonly Dictionary<string, DeviceState> _devices = new(StringComparer.Ordinal);

    /// <summary>A device's picture changed.</summary>
    public event Action<DeviceStateChanged>? Changed;

    /// <summary>Devices shown.</summary>
    public int Count => _devices.Count;

    /// <summary>All devices' current pictures.</summary>
    public IEnumerable<DeviceState> All => _devices.Values;

    /// <summary>The picture of one device, or null when it is not in the field.</summary>
    public DeviceState? StateOf(string device) => _devices.GetValueOrDefault(device);

    /// <summary>Feeds the field from <paramref name="session"/> and asks it to monitor every device added later.</summary>
    public void Attach(CstaClientSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.EventReceived += e => Apply(e.Device, e.Event);
        session.DeviceResynced += r => Resync(r);
        session.MonitorStarted += Started;
        session.MonitorsInvalidated += MarkAllUnknown;
        foreach (var device in _devices.Keys) session.Monitor(device);
        DeviceAdded += session.Monitor;
        DeviceRemoved += session.Unmonitor;
    }

    /// <summary>Adds a device (state unknown until its monitor reports).</summary>
    public void Add(string device)
    {
        if (_devices.ContainsKey(device)) return;
        _devices.Add(device, DeviceState.UnknownOf(device));
        DeviceAdded?.Invoke(device);
    }

    /// <summary>Removes a device.</summary>
    public void Remove(string device)
    {
        if (_devices.Remove(device)) DeviceRemoved?.Invoke(device);
    }

    /// <summary>Applies an event from the device's monitor.</summary>
    public void Apply(string device, CstaEvent e)
    {
        if (!_devices.TryGetValue(device, out var previous)) return;
        Update(previous, DeviceEventReducer.Apply(previous, e));
    }

    /// <summary>Applies a resync read after the device's monitor (re)started.</summary>
    public void Resync(DeviceResync resync)
    {
        if (!_devices.TryGetValue(resync.Device, out var previous)) return;
        Update(previous, DeviceEventReducer.Resynced(previous, resync.Calls, resync.Forwarding, resync.DoNotDisturb));
    }

    /// <summary>
    /// A device's monitor started: what the switch's answer says the device is (a Unify Phone ONS with its OND, by
    /// OSV V8 private data) replaces what was known, since the switch's configuration may have changed meanwhile.
    /// </summary>
    public void Started(StartedMonitor started)
    {
        ArgumentNullException.ThrowIfNull(started);
        if (!_devices.TryGetValue(started.Device, out var previous)) return;
        var pair = started.PrivateData?.OnsOnd;
        if (previous.UnifyPhone != pair) Update(previous, previous with { UnifyPhone = pair });
    }

    /// <summary>Every device's picture becomes unknown (the link went down).</summary>
    public void MarkAllUnknown()
    {
        foreach (var previous in _devices.Values.ToList())
        {
            if (previous.Known) Update(previous, previous with { Known = false });
        }
    }

    private event Action<string>? DeviceAdded;

    private event Action<string>? DeviceRemoved;

    private void Update(DeviceState previous, DeviceState next)
    {
        if (Equals(previous, next)) return;
        _devices[next.Device] = next;
        Changed?.Invoke(new DeviceStateChanged(previous, next));
    }
}
