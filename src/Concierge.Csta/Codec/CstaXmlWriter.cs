using System.Globalization;
using System.Xml;
using Concierge.Csta.Messages;

namespace Concierge.Csta.Codec;

/// <summary>Writes the ECMA-323 shapes (connections, event devices, enums) onto an <see cref="XmlWriter"/>.</summary>
internal sealed class CstaXmlWriter(XmlWriter writer)
{
    public void Start(string name) => writer.WriteStartElement(name, CstaNamespace.Edition3);

    public void End() => writer.WriteEndElement();

    public void Empty(string name)
    {
        writer.WriteStartElement(name, CstaNamespace.Edition3);
        writer.WriteEndElement();
    }

    public void Text(string name, string value)
    {
        writer.WriteStartElement(name, CstaNamespace.Edition3);
        writer.WriteString(value);
        writer.WriteEndElement();
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
        Text("deviceID", connection.DeviceId);
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
            case EventDeviceKind.Known: Text("deviceIdentifier", device.Id); break;
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
    }

    public void PrivateData(PrivateData? data)
    {
        if (data is null) return;
        Start("privateData");
        if (data.OnsOnd is not null || data.OtherItems.Count > 0)
        {
            Start("private");
            if (data.OnsOnd is { } pair) OsvV8PrivateData.Write(this, pair);
            foreach (var item in data.OtherItems) writer.WriteRaw(item);
            End();
        }
        End();
    }
}
