using Concierge.Config.Durations;
using Concierge.Scenarios.Values;

namespace Concierge.Scenarios.Settings;

/// <summary>The four call-handling times of a tenant or DDI entry (C 8.3); null means "not overridden".</summary>
public sealed record CallTimes(TimeSpan? MaxTransferTime = null, TimeSpan? MaxTimeInIncomingQueue = null, TimeSpan? RnaTimeout = null, TimeSpan? RingTime = null)
{
    /// <summary>The setting names a times table accepts.</summary>
    public static readonly IReadOnlyList<string> Names = ["max transfer time", "max time in incoming queue", "RNA timeout", "ring time"];

    /// <summary>Reads a `| setting | value |` table of times; unknown settings and bad durations are rejected.</summary>
    public static CallTimes Read(IReadOnlyList<SettingRow> rows)
    {
        var times = new CallTimes();
        foreach (var row in rows)
        {
            if (!times.TryApply(row, out times))
                throw new FormatException($"unknown time setting '{row.Setting}'; known: {string.Join(", ", Names)}");
        }
        return times;
    }

    /// <summary>Applies one row when it names a time; false (and unchanged) otherwise.</summary>
    public bool TryApply(SettingRow row, out CallTimes result)
    {
        result = this;
        switch (row.Setting.Trim())
        {
            case "max transfer time": result = this with { MaxTransferTime = Duration(row) }; return true;
            case "max time in incoming queue": result = this with { MaxTimeInIncomingQueue = Duration(row) }; return true;
            case "RNA timeout": result = this with { RnaTimeout = Duration(row) }; return true;
            case "ring time": result = this with { RingTime = Duration(row) }; return true;
            default: return false;
        }
    }

    private static TimeSpan Duration(SettingRow row) =>
        DurationText.TryParse(row.Value, out var value) ? value : throw new FormatException($"{row.Setting}: '{row.Value}' is not a duration");
}
