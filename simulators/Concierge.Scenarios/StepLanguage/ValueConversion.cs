using Concierge.Config.Topology;
using Concierge.Config.Durations;
using System.Globalization;
using Concierge.Scenarios.Values;

namespace Concierge.Scenarios.StepLanguage;

/// <summary>Converts step text (a captured group or a table cell) into the typed argument a binding declares.</summary>
public static class ValueConversion
{
    /// <summary>True when <paramref name="type"/> can be converted from text.</summary>
    public static bool Supports(Type type) =>
        type == typeof(string) || type == typeof(int) || type == typeof(long) || type == typeof(ulong) || type == typeof(double) ||
        type == typeof(decimal) || type == typeof(bool) || type == typeof(TimeSpan) || type == typeof(DeviceRef) || type.IsEnum ||
        (Nullable.GetUnderlyingType(type) is { } inner && Supports(inner)) ||
        (ListElement(type) is { } element && element != typeof(string[]) && Supports(element));

    /// <summary>Converts <paramref name="text"/> to <typeparamref name="T"/>; throws <see cref="FormatException"/> with a clear message.</summary>
    public static T Convert<T>(string text) => (T)Convert(text, typeof(T))!;

    /// <summary>Converts <paramref name="text"/> to <paramref name="type"/>; throws <see cref="FormatException"/> with a clear message.</summary>
    public static object? Convert(string text, Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner) return string.IsNullOrWhiteSpace(text) ? null : Convert(text, inner);
        if (type == typeof(string)) return text;
        if (type == typeof(int)) return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : throw Bad(text, "a whole number");
        if (type == typeof(long)) return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : throw Bad(text, "a whole number");
        if (type == typeof(ulong)) return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var u) ? u : throw Bad(text, "a non-negative whole number");
        if (type == typeof(double)) return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : throw Bad(text, "a number");
        if (type == typeof(decimal)) return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var m) ? m : throw Bad(text, "a number");
        if (type == typeof(bool)) return text.Trim().ToLowerInvariant() switch { "true" or "yes" or "on" => true, "false" or "no" or "off" => false, _ => throw Bad(text, "yes or no") };
        if (type == typeof(TimeSpan)) return DurationText.Parse(text);
        if (type == typeof(DeviceRef)) return DeviceRef.Parse(text);
        if (type.IsEnum) return ParseEnum(text, type);
        if (ListElement(type) is { } element)
        {
            var items = QuotedList.Parse(text);
            var array = Array.CreateInstance(element, items.Count);
            for (var k = 0; k < items.Count; k++) array.SetValue(Convert(items[k], element), k);
            return array;
        }
        throw new NotSupportedException($"no conversion from step text to {type.Name}");
    }

    /// <summary>The element type of IReadOnlyList&lt;T&gt;, IEnumerable&lt;T&gt; or T[], else null.</summary>
    public static Type? ListElement(Type type)
    {
        if (type.IsArray) return type.GetElementType();
        if (!type.IsGenericType) return null;
        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(IReadOnlyList<>) || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyCollection<>)
            ? type.GetGenericArguments()[0]
            : null;
    }

    private static object ParseEnum(string text, Type type)
    {
        return EnumText.TryParse(type, text, out var value) ? value : throw Bad(text, "one of " + string.Join(", ", Enum.GetNames(type)));
    }

    /// <summary>Lower case without spaces, hyphens or underscores: how table headers and enum names are compared.</summary>
    public static string Normalize(string text) => EnumText.Normalize(text);

    private static FormatException Bad(string text, string expected) => new($"\"{text}\" is not {expected}");
}
