using System.Globalization;
using Concierge.Config.Durations;
using Concierge.Config.Model;
using Concierge.Config.Numbers;

namespace Concierge.Config.Settings;

/// <summary>
/// Applies the setting names scenario tables use (STEPS.md: "Given the tenant … has these times",
/// "Given the DDI entry … has these settings") to the configuration model. Unknown names and bad values throw
/// <see cref="FormatException"/> naming the setting, the value and what is accepted.
/// </summary>
public static class ScenarioSettings
{
    /// <summary>The time settings, as tables write them.</summary>
    public static readonly IReadOnlyList<string> TimeSettings = ["max transfer time", "max time in incoming queue", "RNA timeout", "ring time"];

    /// <summary>The DDI entry settings, as tables write them (the time settings plus these).</summary>
    public static readonly IReadOnlyList<string> DdiSettings =
        [.. TimeSettings, "time overflow variant", "overload", "overload destination", "priority", "purpose"];

    /// <summary>The tenant's times with one setting changed.</summary>
    public static TenantTimes ApplyTime(TenantTimes times, string setting, string value)
    {
        var duration = Duration(setting, value);
        return Key(setting) switch
        {
            "max transfer time" => times with { MaxTransferTime = duration },
            "max time in incoming queue" => times with { MaxTimeInIncomingQueue = duration },
            "rna timeout" => times with { RnaTimeout = duration },
            "ring time" => times with { RingTime = duration },
            _ => throw Unknown(setting, TimeSettings),
        };
    }

    /// <summary>
    /// The DDI entry with one setting changed. <paramref name="resolveAlias"/> turns a device alias such as "7890" into
    /// its full number for "overload destination" (tables may use either); without it only E.164 numbers are accepted.
    /// </summary>
    public static DdiEntry ApplyDdi(DdiEntry entry, string setting, string value, Func<string, string?>? resolveAlias = null)
    {
        switch (Key(setting))
        {
            case "max transfer time":
                return entry with { Times = entry.Times with { MaxTransferTime = Duration(setting, value) } };
            case "max time in incoming queue":
                return entry with { Times = entry.Times with { MaxTimeInIncomingQueue = Duration(setting, value) } };
            case "rna timeout":
                return entry with { Times = entry.Times with { RnaTimeout = Duration(setting, value) } };
            case "ring time":
                return entry with { Times = entry.Times with { RingTime = Duration(setting, value) } };
            case "time overflow variant":
                return entry with { TimeOverflowVariant = value.Trim() };
            case "overload":
                return Key(value) switch
                {
                    "busy" => entry with { Overload = entry.Overload with { Action = OverloadAction.Busy } },
                    "forward" => entry with { Overload = entry.Overload with { Action = OverloadAction.Forward } },
                    _ => throw new FormatException($"setting \"{setting}\": \"{value}\" is not busy or forward"),
                };
            case "overload destination":
                return entry with { Overload = entry.Overload with { Destination = Number(setting, value, resolveAlias) } };
            case "priority":
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var priority)
                       && priority is >= CallPriorities.Highest and <= CallPriorities.Lowest
                    ? entry with { Priority = priority }
                    : throw new FormatException($"setting \"{setting}\": \"{value}\" is not a priority from 1 to 10");
            case "purpose":
                return entry with { Purpose = value.Trim() };
            default:
                throw Unknown(setting, DdiSettings);
        }
    }

    private static TimeSpan Duration(string setting, string value) =>
        DurationText.Reject(value, out var duration) is { } reason
            ? throw new FormatException($"setting \"{setting}\": \"{value}\" {reason}")
            : duration;

    private static E164Number Number(string setting, string value, Func<string, string?>? resolveAlias)
    {
        var text = value.Trim();
        if (E164Number.Reject(text) is null)
        {
            return E164Number.Parse(text);
        }
        var resolved = resolveAlias?.Invoke(text);
        if (resolved is not null && E164Number.Reject(resolved) is null)
        {
            return E164Number.Parse(resolved);
        }
        var reason = resolveAlias is null ? E164Number.Reject(text) : "is neither an E.164 number with '+' nor a known alias";
        throw new FormatException($"setting \"{setting}\": \"{value}\" {reason}");
    }

    private static string Key(string text) => text.Trim().ToLowerInvariant();

    private static FormatException Unknown(string setting, IReadOnlyList<string> known) =>
        new($"\"{setting}\" is not a setting (known: {string.Join(", ", known)})");
}
