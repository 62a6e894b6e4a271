using System.Collections;
using System.Globalization;
using System.Reflection;
using Concierge.Csta.Messages;

namespace Concierge.Csta.Traces;

/// <summary>A decoded message's fields as name/value texts, in declaration order (for operators reading traces).</summary>
public static class MessageFields
{
    /// <summary>Every set field of <paramref name="message"/>; private data as its V8 pair and the number of other items.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Of(CstaMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var property in Properties(message.GetType()))
        {
            var value = property.GetValue(message);
            if (value is null) continue;
            fields.Add(new(CamelCase(property.Name), Text(value)));
        }
        if (message.PrivateData is { } data)
        {
            if (data.OnsOnd is { } pair)
            {
                fields.Add(new("ons", pair.Ons));
                fields.Add(new("ond", pair.Ond));
            }
            if (data.OtherItems.Count > 0) fields.Add(new("privateItems", data.OtherItems.Count.ToString(CultureInfo.InvariantCulture)));
        }
        return fields;
    }

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name is not ("EqualityContract" or nameof(CstaMessage.PrivateData)) && p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.MetadataToken);

    private static string Text(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        EventDevice d => d.IsKnown ? d.Id : d.Kind == EventDeviceKind.Restricted ? "(restricted)" : "(not known)",
        ConnectionId c => $"{c.CallId}@{c.DeviceId}",
        EventCause c => c.Value,
        Enum e => CamelCase(e.ToString()),
        IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(i => i is null ? "" : Item(i))) + "]",
        _ => Item(value),
    };

    private static string Item(object value)
    {
        if (value is string or bool or int or EventDevice or ConnectionId or EventCause or Enum) return Text(value);
        var parts = Properties(value.GetType()).Select(p => (p.Name, Value: p.GetValue(value))).Where(p => p.Value is not null)
            .Select(p => $"{CamelCase(p.Name)}={Text(p.Value!)}");
        return "{" + string.Join(" ", parts) + "}";
    }

    private static string CamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
