using System.Globalization;
using System.Text.RegularExpressions;

namespace Concierge.Scenarios.Values;

/// <summary>Reads the durations of the step language (`500 ms`, `5 seconds`, `1 second`, `2 minutes`, `1 hour`, `20 days`).</summary>
public static partial class DurationText
{
    /// <summary>The regular expression of one duration, without anchors or groups (for step patterns).</summary>
    public const string Pattern = @"\d+(?:\.\d+)?\s*(?:ms|milliseconds?|s|secs?|seconds?|min|minutes?|h|hours?|days?)";

    [GeneratedRegex(@"^\s*(?<amount>\d+(?:\.\d+)?)\s*(?<unit>ms|milliseconds?|s|secs?|seconds?|min|minutes?|h|hours?|days?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationRegex();

    /// <summary>Parses <paramref name="text"/>; false when it is not a duration of the step language.</summary>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = DurationRegex().Match(text ?? "");
        if (!match.Success) return false;
        var amount = decimal.Parse(match.Groups["amount"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var ticksPerUnit = match.Groups["unit"].Value switch
        {
            "ms" or "millisecond" or "milliseconds" => TimeSpan.TicksPerMillisecond,
            "s" or "sec" or "secs" or "second" or "seconds" => TimeSpan.TicksPerSecond,
            "min" or "minute" or "minutes" => TimeSpan.TicksPerMinute,
            "h" or "hour" or "hours" => TimeSpan.TicksPerHour,
            _ => TimeSpan.TicksPerDay,
        };
        var ticks = amount * ticksPerUnit;
        if (ticks > TimeSpan.MaxValue.Ticks / 2) return false;
        duration = TimeSpan.FromTicks((long)ticks);
        return true;
    }

    /// <summary>Parses <paramref name="text"/> or throws <see cref="FormatException"/> naming the accepted forms.</summary>
    public static TimeSpan Parse(string text) =>
        TryParse(text, out var duration)
            ? duration
            : throw new FormatException($"'{text}' is not a duration (expected e.g. 500 ms, 5 seconds, 2 minutes, 1 hour, 20 days)");

    /// <summary>Writes a duration the way scenarios write it (`1.5 seconds`, `2 minutes`, `500 ms`).</summary>
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

    private static string Plural(long amount, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{amount} {unit}{(amount == 1 ? "" : "s")}");
}
