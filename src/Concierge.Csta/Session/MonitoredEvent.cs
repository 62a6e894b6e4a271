using Concierge.Csta.Messages;

namespace Concierge.Csta.Session;

/// <summary>An event received on a monitor, with the device the monitor watches.</summary>
public readonly record struct MonitoredEvent(string Device, CstaEvent Event);

/// <summary>A device's state as read from the switch after its monitor (re)started.</summary>
public sealed record DeviceResync(string Device, SnapshotDeviceResponse? Calls, GetForwardingResponse? Forwarding, bool? DoNotDisturb);

/// <summary>
/// A device monitor became active, with the private data of the switch's MonitorStartResponse (on an OSV with
/// "Private Data Presentation – V8", the Unify Phone ONS/OND pair of the device).
/// </summary>
public sealed record StartedMonitor(string Device, string CrossRefId, PrivateData? PrivateData);
