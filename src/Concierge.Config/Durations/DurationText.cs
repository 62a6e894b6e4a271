using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Concierge.Config.Durations;

/// <summary>
/// The one duration grammar of configuration files and scenario steps: a non-negative number and a unit,
/// e.g. <c>500 ms</c>, <c>30 s</c>, <c>1 second</c>, <c>2 mins</c>, <c>1 hour</c>, <c>20 d</c>.
/// </summary>
public static class DurationText
{
    /// <summary>The regular expression of one duration, without anchors or groups (for step patterns); it accepts the units <see cref="Parse"/> does.</summary>
    public const string Pattern = @"\d+(?:\.\d+)?\s*(?:milliseconds?|ms|seconds?|secs?|s|minutes?|mins?|hours?|h|days?|d)";

    private static readonly (string[] Names, TimeSpan Unit)[] Units =
    [
        (["ms", "millisecond", "milliseconds"], TimeSpan.FromMilliseconds(1)),
        (["s", "sec", "secs", "second", "seconds"], TimeSpan.FromSeconds(1)),
        (["min", "mins", "minute", "minutes"], TimeSpan.FromMinutes(1)),
        (["h", "hour", "hours"], TimeSpan.FromHours(1)),
        (["d", "day", "days"], TimeSpan.FromDays(1)),
    ];

    /// <summary>The longest duration accepted (100 years), so arithmetic on it never overflows.</summary>
    public static readonly TimeSpan Maximum = TimeSpan.FromDays(36_525);

    /// <summary>Parses "<number> <unit>"; the number may have a decimal point; the result is whole milliseconds.</summary>
    public static bool TryParse(string? text, out TimeSpan duration) => Reject(text, out duration) is null;

    /// <summary>Parses like <see cref="TryParse"/>; throws <see cref="FormatException"/> naming the reason.</summary>
    public static TimeSpan Parse(string text)
    {
        var reason = Reject(text, out var duration);
        return reason is null ? duration : throw new FormatException($"\"{text}\" {reason}");
    }

    /// <summary>Why <paramref name="text"/> is not a duration (null when it is one, with the value in <paramref name="duration"/>).</summary>
    public static string? Reject([NotNullWhen(false)] string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return "is not a duration (empty)";
        }
        var split = 0;
        while (split < trimmed.Length && (char.IsAsciiDigit(trimmed[split]) || trimmed[split] == '.'))
        {
            split++;
        }
        var numberText = trimmed[..split];
        var unitText = trimmed[split..].Trim();
        if (numberText.Length == 0 || !decimal.TryParse(numberText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return "is not a duration (write a non-negative number and a unit, e.g. 30 s)";
        }
        if (unitText.Length == 0)
        {
            return "is not a duration (no unit: write ms, s, minutes, hours or days)";
        }
        foreach (var (names, unit) in Units)
        {
            if (names.Contains(unitText, StringComparer.Ordinal))
            {
                var milliseconds = amount * (decimal)unit.TotalMilliseconds;
                if (milliseconds > (decimal)Maximum.TotalMilliseconds)
                {
                    return "is not a duration (longer than 100 years)";
                }
                if (milliseconds != decimal.Truncate(milliseconds))
                {
                    return "is not a duration (finer than a millisecond)";
                }
                duration = TimeSpan.FromMilliseconds((long)milliseconds);
                return null;
            }
        }
        return $"is not a duration (unknown unit \"{unitText}\")";
    }

    /// <summary>
    /// Writes a duration with the largest unit that divides it exactly ("0 seconds", "500 ms", "30 seconds",
    /// "2 minutes", "1 day"), else in seconds with up to three decimals ("1.5 seconds"); whole milliseconds read back equal.
    /// </summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero) return "0 seconds";
        if (duration.Ticks % TimeSpan.TicksPerDay == 0) return Plural(duration.Ticks / TimeSpan.TicksPerDay, "day");
        if (duration.Ticks % TimeSpan.TicksPerHour == 0) return Plural(duration.Ticks / TimeSpan.TicksPerHour, "hour");
        if (duration.Ticks % TimeSpan.TicksPerMinute == 0) return Plural(duration.Ticks / TimeSpan.TicksPerMinute, "minute");
        if (duration.Ticks % TimeSpan.TicksPerSecond == 0) return Plural(duration.Ticks / TimeSpan.TicksPerSecond, "second");
        if (duration < TimeSpan.FromSeconds(1)) return string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0.###} ms");
        return string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.###} seconds");
    }

    private static string Plural(long count, string unit) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + unit + (count == 1 ? "" : "s");
}
