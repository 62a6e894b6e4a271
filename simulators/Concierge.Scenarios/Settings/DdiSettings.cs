using System.Globalization;

namespace Concierge.Scenarios.Settings;

/// <summary>Per-DDI-entry overrides: the four times plus overflow variant, overload handling, priority and purpose.</summary>
public sealed record DdiSettings(CallTimes Times, string? TimeOverflowVariant = null, OverloadMode? Overload = null, string? OverloadDestination = null, int? Priority = null, string? Purpose = null)
{
    /// <summary>The setting names a DDI table accepts.</summary>
    public static readonly IReadOnlyList<string> Names =
        [.. CallTimes.Names, "time overflow variant", "overload", "overload destination", "priority", "purpose"];

    /// <summary>Reads a `| setting | value |` table; unknown settings and bad values are rejected.</summary>
    public static DdiSettings Read(IReadOnlyList<SettingRow> rows)
    {
        var settings = new DdiSettings(new CallTimes());
        foreach (var row in rows)
        {
            if (settings.Times.TryApply(row, out var times)) { settings = settings with { Times = times }; continue; }
            var value = row.Value.Trim();
            settings = row.Setting.Trim() switch
            {
                "time overflow variant" => settings with { TimeOverflowVariant = value },
                "overload" => settings with
                {
                    Overload = value switch
                    {
                        "busy" => OverloadMode.Busy,
                        "forward" => OverloadMode.Forward,
                        _ => throw new FormatException($"overload: '{value}' is neither busy nor forward"),
                    },
                },
                "overload destination" => settings with { OverloadDestination = value },
                "priority" => settings with
                {
                    Priority = int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : throw new FormatException($"priority: '{value}' is not a whole number"),
                },
                "purpose" => settings with { Purpose = value },
                _ => throw new FormatException($"unknown DDI setting '{row.Setting}'; known: {string.Join(", ", Names)}"),
            };
        }
        if (settings.Overload == OverloadMode.Forward && settings.OverloadDestination is null && rows.Any(r => r.Setting.Trim() == "overload"))
            throw new FormatException("overload 'forward' needs an 'overload destination'");
        return settings;
    }
}
