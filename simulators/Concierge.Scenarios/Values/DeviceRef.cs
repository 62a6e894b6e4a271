using System.Text.RegularExpressions;

namespace Concierge.Scenarios.Values;

/// <summary>A device as a scenario names it: a full E.164 number (`+4950505807580`) or a topology alias (`7580`).</summary>
public readonly partial record struct DeviceRef(string Text)
{
    [GeneratedRegex(@"^(\+\d{2,15}|\d{1,15})$", RegexOptions.CultureInvariant)]
    private static partial Regex ShapeRegex();

    /// <summary>True when the text is a full number with a leading `+`.</summary>
    public bool IsFullNumber => Text.StartsWith('+');

    /// <summary>Parses a phone number or alias; throws <see cref="FormatException"/> for anything else.</summary>
    public static DeviceRef Parse(string text)
    {
        var trimmed = (text ?? "").Trim();
        return ShapeRegex().IsMatch(trimmed)
            ? new DeviceRef(trimmed)
            : throw new FormatException($"\"{text}\" is neither a phone number (+4950505807580) nor an alias (7580)");
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
