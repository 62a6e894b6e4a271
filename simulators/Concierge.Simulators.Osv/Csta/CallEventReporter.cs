using Concierge.Csta.Messages;
using Concierge.Csta.Server;
using Concierge.Simulators.Osv.Configuration;
using Concierge.Simulators.Osv.Switching;

namespace Concierge.Simulators.Osv.Csta;

/// <summary>
/// Turns the switch's call-state changes into CSTA events for every monitor of the devices involved (the parties and
/// the hunt group pilot), with the OSV V8 ONS/OND private data on Unify Phone devices when the flag is set.
/// </summary>
public sealed class CallEventReporter
{
    private readonly OsvConfig _config;
    private readonly List<(string Device, string Event)> _log = [];

    internal CallEventReporter(OsvConfig config, MonitorEventPublisher publisher)
    {
        _config = config;
        Publisher = publisher;
        V8 = new V8Presentation(config);
        var flagged = config.HuntGroups.SelectMany(h => h.Members).Where(m => m.AttendantAgent).Select(m => m.Number).ToHashSet(StringComparer.Ordinal);
        foreach (var ons in V8.OndOfOns.Keys.Where(o => !flagged.Contains(o)))
        {
            _silentOns.Add(ons);
            _silentOns.Add(ons.TrimStart('+'));
        }
    }

    private readonly HashSet<string> _silentOns = new(StringComparer.Ordinal);

    /// <summary>
    /// Unify Phone ONS devices that are no hunt group member flagged Attendant/Agent: the OSV reports no CSTA events for
    /// them (C 4.3.5.2), whatever monitors exist ('+' and plain forms).
    /// </summary>
    public IReadOnlyCollection<string> SilentOns => _silentOns;

    /// <summary>The CSTA application's V8 private data presentation (Unify Phone ONS/OND on monitor answers and events).</summary>
    public V8Presentation V8 { get; }

    /// <summary>The monitors events go to.</summary>
    public MonitorEventPublisher Publisher { get; }

    /// <summary>
    /// Whether a calling number with presentation restricted is reported as the number (true: OpenScape 4000 with
    /// PRESENTATION_RESTRICTED=ignore, C 5.1.2; the OSV's default) or as "restricted".
    /// </summary>
    public bool ReportsRestrictedNumbers { get; set; } = true;

    /// <summary>The calling device the events of <paramref name="call"/> carry.</summary>
    public EventDevice CallingDeviceOf(SwitchCall call) =>
        call.PresentationRestricted && !ReportsRestrictedNumbers ? EventDevice.Restricted : EventDevice.Of(call.CallingNumber);

    /// <summary>Events reported so far (device, event name), newest last, bounded — for tests and traces.</summary>
    public IReadOnlyList<(string Device, string Event)> Log => _log;

    internal void Delivered(SwitchCall call, string alerting)
    {
        foreach (var device in Involved(call, alerting))
        {
            Publish(device, "Delivered", id => new DeliveredEvent(id, Conn(call, alerting), EventDevice.Of(alerting), CallingDeviceOf(call),
                EventDevice.Of(call.DialedNumber), null, device == alerting ? LocalConnectionState.Alerting : LocalConnectionState.Connected, EventCause.NewCall));
        }
    }

    internal void Established(SwitchCall call, string answering)
    {
        foreach (var device in Involved(call, answering))
        {
            Publish(device, "Established", id => new EstablishedEvent(id, Conn(call, answering), EventDevice.Of(answering), CallingDeviceOf(call),
                EventDevice.Of(call.DialedNumber), null, LocalConnectionState.Connected, EventCause.NewCall));
        }
    }

    internal void Cleared(SwitchCall call, string releasing, string? other)
    {
        foreach (var device in Involved(call, releasing, other))
        {
            Publish(device, "ConnectionCleared", id => new ConnectionClearedEvent(id, Conn(call, releasing), EventDevice.Of(releasing),
                device == releasing ? LocalConnectionState.Null : LocalConnectionState.Connected, EventCause.NormalClearing));
        }
    }

    internal void Diverted(SwitchCall call, string diverting, string to, EventCause cause)
    {
        foreach (var device in Involved(call, diverting))
        {
            Publish(device, "Diverted", id => new DivertedEvent(id, Conn(call, diverting), EventDevice.Of(diverting), EventDevice.Of(to),
                CallingDeviceOf(call), EventDevice.Of(call.DialedNumber), EventDevice.Of(diverting), device == diverting ? LocalConnectionState.Null : null, cause));
        }
    }

    internal void Queued(SwitchCall call, string pilot, int position)
    {
        Publish(pilot, "Queued", id => new QueuedEvent(id, Conn(call, pilot), EventDevice.Of(pilot), CallingDeviceOf(call),
            EventDevice.Of(call.DialedNumber), null, position, LocalConnectionState.Queued, EventCause.EnteringDistribution));
    }

    internal void Failed(SwitchCall call, string failing, EventCause cause)
    {
        foreach (var device in Involved(call, failing))
        {
            Publish(device, "Failed", id => new FailedEvent(id, Conn(call, failing), EventDevice.Of(failing), EventDevice.Of(call.DialedNumber),
                CallingDeviceOf(call), null, LocalConnectionState.Fail, cause));
        }
    }

    internal void Held(SwitchCall call, string holding)
    {
        foreach (var device in Involved(call, holding))
        {
            Publish(device, "Held", id => new HeldEvent(id, Conn(call, holding), EventDevice.Of(holding),
                device == holding ? LocalConnectionState.Hold : LocalConnectionState.Connected, EventCause.NewCall));
        }
    }

    internal void Retrieved(SwitchCall call, string retrieving)
    {
        foreach (var device in Involved(call, retrieving))
        {
            Publish(device, "Retrieved", id => new RetrievedEvent(id, Conn(call, retrieving), EventDevice.Of(retrieving), LocalConnectionState.Connected, EventCause.NewCall));
        }
    }

    internal void Transferred(SwitchCall call, string transferring, string to)
    {
        foreach (var device in Involved(call, transferring, to))
        {
            Publish(device, "Transferred", id => new TransferredEvent(id, Conn(call, transferring), null, EventDevice.Of(transferring), EventDevice.Of(to),
                ValueList<ConnectionListItem>.Empty, device == transferring ? LocalConnectionState.Null : LocalConnectionState.Connected, EventCause.Transfer));
        }
    }

    /// <summary>
    /// Two calls were joined into <paramref name="call"/> (REFER with Replaces): each device in it hears Transferred
    /// with its new connection (and the one it replaced), so that monitors can follow the connection id.
    /// </summary>
    internal void Joined(SwitchCall call, string oldCallId, string? transferring)
    {
        var items = new List<ConnectionListItem>();
        foreach (var device in new[] { call.ADevice, call.BDevice }.OfType<string>())
            items.Add(new ConnectionListItem(Conn(call, device), new ConnectionId(oldCallId, device), EventDevice.Of(device)));
        var list = new ValueList<ConnectionListItem>(items);
        var subject = transferring ?? call.ADevice ?? call.BDevice ?? call.CallingNumber;
        foreach (var device in Involved(call, subject))
        {
            Publish(device, "Transferred", id => new TransferredEvent(id, new ConnectionId(oldCallId, subject), null, EventDevice.Of(subject),
                EventDevice.Of(call.BDevice ?? call.DialedNumber), list, LocalConnectionState.Connected, EventCause.Transfer));
        }
    }

    internal void Forwarding(string device, ForwardingType type, bool on, string? to) =>
        Publish(device, "Forwarding", id => new ForwardingEvent(id, device, type, on, to));

    internal void DoNotDisturb(string device, bool on) =>
        Publish(device, "DoNotDisturb", id => new DoNotDisturbEvent(id, device, on));

    internal void Agent(string device, bool ready) =>
        Publish(device, ready ? "AgentReady" : "AgentNotReady", id => ready
            ? new AgentReadyEvent(id, device, null, null)
            : new AgentNotReadyEvent(id, device, null, null));

    private IEnumerable<string> Involved(SwitchCall call, string subject, string? extra = null)
    {
        var devices = new List<string> { subject };
        foreach (var d in new[] { extra, call.ADevice, call.BDevice, call.HuntGroup?.Number, IsSubscriber(call.CallingNumber) ? call.CallingNumber : null })
        {
            if (d is not null && !devices.Contains(d)) devices.Add(d);
        }
        return devices;
    }

    private bool IsSubscriber(string number) => _config.Subscribers.Any(s => s.Number == number);

    private static ConnectionId Conn(SwitchCall call, string device) => new(call.CstaCallId, device);

    private void Publish(string device, string name, Func<string, CstaEvent> build)
    {
        if (_silentOns.Contains(device)) return;
        if (_log.Count < 10_000) _log.Add((device, name));
        Publisher.Publish(device, WithV8(device, build));
        if (device.StartsWith('+')) Publisher.Publish(device[1..], WithV8(device[1..], build));
    }

    private Func<string, CstaEvent> WithV8(string device, Func<string, CstaEvent> build) =>
        V8.For(device) is { } privateData ? id => build(id) with { PrivateData = privateData } : build;
}
