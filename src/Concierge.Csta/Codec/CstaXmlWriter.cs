using System.Globalization;
using System.Xml;
using Concierge.Csta.Messages;

namespace Concierge.Csta.Codec;

/// <summary>Writes the ECMA-323 shapes (connections, event devices, enums) onto an <see cref="XmlWriter"/>.</summary>
internal sealed class CstaXmlWriter(XmlWriter writer, CstaDialect dialect)
{
    private string _namespace = dialect.WrittenNamespace;

    public CstaDialect Dialect => dialect;

    /// <summary>Starts a message's root element in <paramref name="ownNamespace"/> (or the dialect's CSTA namespace).</summary>
    public void StartMessage(string name, string? ownNamespace)
    {
        _namespace = ownNamespace ?? dialect.WrittenNamespace;
        Start(name);
    }

    public void Start(string name) => writer.WriteStartElement(name, _namespace);

    public void End() => writer.WriteEndElement();

    public void Empty(string name)
    {
        writer.WriteStartElement(name, _namespace);
        writer.WriteEndElement();
    }

    public void Text(string name, string value)
    {
        writer.WriteStartElement(name, _namespace);
        writer.WriteString(value);
        writer.WriteEndElement();
    }

    /// <summary>A device identifier as the dialect spells it on the wire.</summary>
    public string DeviceId(string device) => dialect.WriteDevice is null || device.Length == 0 ? device : dialect.WriteDevice(device);

    /// <summary>A text field holding a device identifier.</summary>
    public void DeviceText(string name, string device) => Text(name, DeviceId(device));

    /// <summary>An optional text field holding a device identifier.</summary>
    public void OptionalDeviceText(string name, string? device)
    {
        if (device is not null) DeviceText(name, device);
    }

    public void OptionalText(string name, string? value)
    {
        if (value is not null) Text(name, value);
    }

    public void Bool(string name, bool value) => Text(name, value ? "true" : "false");

    public void OptionalInt(string name, int? value)
    {
        if (value is { } number) Text(name, number.ToString(CultureInfo.InvariantCulture));
    }

    public void Enum<T>(string name, T value, EnumText<T> names) where T : struct, Enum => Text(name, names.Name(value));

    public void Connection(string name, ConnectionId connection)
    {
        Start(name);
        Text("callID", connection.CallId);
        Text("deviceID", DeviceId(connection.DeviceId));
        End();
    }

    public void OptionalConnection(string name, ConnectionId? connection)
    {
        if (connection is { } value) Connection(name, value);
    }

    public void Device(string name, EventDevice device)
    {
        Start(name);
        switch (device.Kind)
        {
            case EventDeviceKind.Known: Text("deviceIdentifier", DeviceId(device.Id)); break;
            case EventDeviceKind.Restricted: Empty("restricted"); break;
            default: Empty("notKnown"); break;
        }
        End();
    }

    public void OptionalDevice(string name, EventDevice? device)
    {
        if (device is { } value) Device(name, value);
    }

    public void CrossRef(string crossRefId) => Text("monitorCrossRefID", crossRefId);

    public void CallEventTail(LocalConnectionState? localConnectionInfo, EventCause? cause)
    {
        if (localConnectionInfo is { } state) Enum("localConnectionInfo", state, EnumTexts.LocalConnectionState);
        if (cause is { } value) Text("cause", value.Value);
        if (dialect.WriteOsvExtras) OsvExtras.WriteCallEventElements(this);
    }

    /// <summary>
    /// Writes the message's private data: at the end of the message, or for an OSV dialect inside
    /// <c>extensions</c> and, on events, with the Siemens scx element.
    /// </summary>
    public void PrivateData(PrivateData? data, bool isEvent)
    {
        var scx = dialect.WriteOsvExtras && isEvent;
        if (data is null && !scx) return;
        if (dialect.WriteOsvExtras) Start("extensions");
        Start("privateData");
        if (data?.OnsOnd is not null || data?.OtherItems.Count > 0 || scx)
        {
            Start("private");
            if (data?.OnsOnd is { } pair) OsvV8PrivateData.Write(this, pair);
            if (scx) OsvExtras.WriteScx(writer);
            foreach (var item in data?.OtherItems ?? ValueList<string>.Empty)
            {
                if (!(scx && OsvExtras.IsOwnScx(item))) writer.WriteRaw(item);
            }
            End();
        }
        End();
        if (dialect.WriteOsvExtras) End();
    }
}
