namespace Concierge.Csta.Messages;

/// <summary>Whether an event's device field carries a number, or says the number is unknown or withheld.</summary>
public enum EventDeviceKind
{
    /// <summary>The device identifier is given.</summary>
    Known,
    /// <summary>The switch does not know the device (notKnown).</summary>
    NotKnown,
    /// <summary>The number is withheld (restricted presentation).</summary>
    Restricted,
}

/// <summary>A device named in an event (callingDevice, alertingDevice …): a number, not known, or restricted.</summary>
public readonly record struct EventDevice(EventDeviceKind Kind, string Id)
{
    /// <summary>A known device.</summary>
    public static EventDevice Of(string id) => new(EventDeviceKind.Known, id);

    /// <summary>The switch does not know the device.</summary>
    public static EventDevice NotKnown => new(EventDeviceKind.NotKnown, "");

    /// <summary>The number is withheld.</summary>
    public static EventDevice Restricted => new(EventDeviceKind.Restricted, "");

    /// <summary>True when <see cref="Id"/> names a device.</summary>
    public bool IsKnown => Kind == EventDeviceKind.Known;

    /// <inheritdoc />
    public override string ToString() => Kind == EventDeviceKind.Known ? Id : Kind.ToString();
}
