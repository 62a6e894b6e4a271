using System.Globalization;
using Concierge.Csta.Messages;

namespace Concierge.Csta.Server;

/// <summary>
/// The server side's device monitors: hands out cross-reference ids on MonitorStart and sends each published event to
/// every monitor of its device, on whichever link the monitor was started.
/// </summary>
public sealed class MonitorEventPublisher
{
    private readonly Dictionary<string, List<ServerMonitor>> _byDevice = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ServerMonitor> _byCrossRef = new(StringComparer.Ordinal);
    private long _nextCrossRef;

    /// <summary>Monitors currently running.</summary>
    public int Count => _byCrossRef.Count;

    /// <summary>Monitors of one device.</summary>
    public int CountFor(string device) => _byDevice.TryGetValue(device, out var list) ? list.Count : 0;

    /// <summary>Events sent.</summary>
    public long EventsPublished { get; private set; }

    /// <summary>Starts a monitor on <paramref name="device"/> for <paramref name="link"/>; returns its cross-reference id.</summary>
    public string Start(CstaServerLink link, string device)
    {
        var crossRef = (++_nextCrossRef).ToString(CultureInfo.InvariantCulture);
        var monitor = new ServerMonitor(link, device, crossRef);
        _byCrossRef.Add(crossRef, monitor);
        if (!_byDevice.TryGetValue(device, out var list)) _byDevice[device] = list = [];
        list.Add(monitor);
        return crossRef;
    }

    /// <summary>Stops the monitor; false when the id is unknown or belongs to another link.</summary>
    public bool Stop(CstaServerLink link, string crossRefId)
    {
        if (!_byCrossRef.TryGetValue(crossRefId, out var monitor) || monitor.Link != link) return false;
        Remove(monitor);
        return true;
    }

    /// <summary>Stops every monitor of a link (it closed).</summary>
    public void StopAll(CstaServerLink link)
    {
        foreach (var monitor in _byCrossRef.Values.Where(m => m.Link == link).ToList()) Remove(monitor);
    }

    /// <summary>Sends an event, built per monitor from its cross-reference id, to every monitor of <paramref name="device"/>.</summary>
    public int Publish(string device, Func<string, CstaEvent> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        if (!_byDevice.TryGetValue(device, out var list)) return 0;
        var sent = 0;
        foreach (var monitor in list.ToList())
        {
            if (!monitor.Link.IsOpen) continue;
            monitor.Link.SendEvent(build(monitor.CrossRefId));
            sent++;
        }
        EventsPublished += sent;
        return sent;
    }

    private void Remove(ServerMonitor monitor)
    {
        _byCrossRef.Remove(monitor.CrossRefId);
        if (_byDevice.TryGetValue(monitor.Device, out var list))
        {
            list.Remove(monitor);
            if (list.Count == 0) _byDevice.Remove(monitor.Device);
        }
    }

    private sealed record ServerMonitor(CstaServerLink Link, string Device, string CrossRefId);
}
