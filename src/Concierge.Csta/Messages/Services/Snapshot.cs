namespace Concierge.Csta.Messages;

/// <summary>Asks for the calls a device currently takes part in.</summary>
public sealed record SnapshotDevice(string Device) : CstaRequest;

/// <summary>One call of a device snapshot: the connection and the device's state in it.</summary>
public sealed record SnapshotCall(ConnectionId Connection, LocalConnectionState State);

/// <summary>The device's current calls.</summary>
public sealed record SnapshotDeviceResponse(ValueList<SnapshotCall> Calls) : CstaResponse;
