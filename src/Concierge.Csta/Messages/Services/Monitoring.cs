namespace Concierge.Csta.Messages;

/// <summary>Starts a device monitor; events for the device then arrive tagged with the returned cross-reference id.</summary>
public sealed record MonitorStart(string Device) : CstaRequest;

/// <summary>The monitor was started; <paramref name="MonitorCrossRefId"/> tags its events.</summary>
public sealed record MonitorStartResponse(string MonitorCrossRefId) : CstaResponse;

/// <summary>Stops the monitor with the given cross-reference id.</summary>
public sealed record MonitorStop(string MonitorCrossRefId) : CstaRequest;

/// <summary>The monitor was stopped.</summary>
public sealed record MonitorStopResponse : CstaResponse;
