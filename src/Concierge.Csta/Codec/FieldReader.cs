using System.Globalization;
using Concierge.Csta.Messages;

namespace Concierge.Csta.Codec;

/// <summary>
/// Typed access to a decoded message's fields by '/'-separated path. A missing or malformed mandatory field records
/// the first error and yields a placeholder; the caller checks <see cref="Error"/> before using the result.
/// </summary>
internal sealed class FieldReader(XmlElementNode root, string message, Func<string, string>? readDevice = null)
{
    /// <summary>A device identifier as the dialect reads it (normalised to E.164 on an OSV link).</summary>
    public string DeviceId(string wire) => readDevice is null || wire.Length == 0 ? wire : readDevice(wire);

    /// <summary>A mandatory text field holding a device identifier.</summary>
    public string DeviceText(string path) => DeviceId(Text(path));

    /// <summary>An optional text field holding a device identifier.</summary>
    public string? OptionalDeviceText(string path) => OptionalText(path) is { } text ? DeviceId(text) : null;

    /// <summary>An optional text field holding a device identifier, below <paramref name="from"/>.</summary>
    public string? OptionalDeviceText(XmlElementNode from, string path) => OptionalText(from, path) is { } text ? DeviceId(text) : null;

    public XmlElementNode Root { get; } = root;

    public string? Error { get; private set; }

    public void Fail(string text) => Error ??= $"{message}: {text}";

    public XmlElementNode? Node(string path) => Root.Find(path);

    public string Text(string path) => Text(Root, path);

    public string Text(XmlElementNode from, string path)
    {
        var node = from.Find(path);
        if (node is null)
        {
            Fail($"missing {path}");
            return "";
        }
        return node.Text ?? "";
    }

    public string? OptionalText(string path) => OptionalText(Root, path);

    public string? OptionalText(XmlElementNode from, string path)
    {
        var node = from.Find(path);
        return node is null ? null : node.Text ?? "";
    }

    public bool Bool(string path) => Bool(Root, path);

    public bool Bool(XmlElementNode from, string path)
    {
        var value = OptionalBool(from, path);
        if (value is null && Error is null && from.Find(path) is null) Fail($"missing {path}");
        return value ?? false;
    }

    public bool? OptionalBool(XmlElementNode from, string path)
    {
        var text = OptionalText(from, path);
        switch (text?.Trim())
        {
            case null: return null;
            case "true" or "1": return true;
            case "false" or "0": return false;
            default:
                Fail($"{path} is '{text}', not a boolean");
                return null;
        }
    }

    public int? OptionalInt(string path)
    {
        var text = OptionalText(path);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return value;
        Fail($"{path} is '{text}', not a number");
        return null;
    }

    public T Enum<T>(string path, EnumText<T> names) where T : struct, Enum => Enum(Root, path, names);

    public T Enum<T>(XmlElementNode from, string path, EnumText<T> names) where T : struct, Enum
    {
        var value = OptionalEnum(from, path, names);
        if (value is null && from.Find(path) is null) Fail($"missing {path}");
        return value ?? default;
    }

    public T? OptionalEnum<T>(XmlElementNode from, string path, EnumText<T> names) where T : struct, Enum
    {
        var text = OptionalText(from, path);
        if (text is null) return null;
        if (names.TryParse(text.Trim(), out var value)) return value;
        Fail($"{path} has unknown value '{text}'");
        return null;
    }

    public ConnectionId Connection(string path) => Connection(Root, path);

    public ConnectionId Connection(XmlElementNode from, string path)
    {
        var value = OptionalConnection(from, path);
        if (value is null && from.Find(path) is null) Fail($"missing {path}");
        return value ?? default;
    }

    public ConnectionId? OptionalConnection(string path) => OptionalConnection(Root, path);

    public ConnectionId? OptionalConnection(XmlElementNode from, string path)
    {
        var node = from.Find(path);
        if (node is null) return null;
        var callId = node.Child("callID")?.Text ?? "";
        var deviceId = node.Child("deviceID")?.Text ?? "";
        return new ConnectionId(callId, DeviceId(deviceId));
    }

    public EventDevice Device(string path) => Device(Root, path);

    public EventDevice Device(XmlElementNode from, string path)
    {
        var value = OptionalDevice(from, path);
        if (value is null && from.Find(path) is null) Fail($"missing {path}");
        return value ?? EventDevice.NotKnown;
    }

    public EventDevice? OptionalDevice(string path) => OptionalDevice(Root, path);

    public EventDevice? OptionalDevice(XmlElementNode from, string path)
    {
        var node = from.Find(path);
        if (node is null) return null;
        var identifier = node.Child("deviceIdentifier");
        if (identifier is not null) return EventDevice.Of(DeviceId(identifier.Text ?? ""));
        if (node.Child("restricted") is not null) return EventDevice.Restricted;
        if (node.Child("notKnown") is not null) return EventDevice.NotKnown;
        if (!node.HasChildren && node.Text is not null) return EventDevice.Of(DeviceId(node.Text));
        return EventDevice.NotKnown;
    }

    public LocalConnectionState? LocalConnectionInfo() => OptionalEnum(Root, "localConnectionInfo", EnumTexts.LocalConnectionState);

    public EventCause? Cause()
    {
        var text = OptionalText("cause");
        return text is null ? null : new EventCause(text);
    }

    public string CrossRef() => Text("monitorCrossRefID");
}
