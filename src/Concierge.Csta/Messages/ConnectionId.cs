namespace Concierge.Csta.Messages;

/// <summary>A CSTA connection: one device's part in one call (callID + deviceID).</summary>
public readonly record struct ConnectionId(string CallId, string DeviceId)
{
    /// <inheritdoc />
    public override string ToString() => $"{CallId}@{DeviceId}";
}
