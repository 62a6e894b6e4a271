using Concierge.Runtime.Collections;
using Concierge.Config.Durations;
using Concierge.Config.Numbers;

namespace Concierge.Config.Validation;

/// <summary>Collects problems while rules run, and writes values the way a configuration file writes them.</summary>
public sealed class ProblemList
{
    private readonly List<ConfigProblem> _problems = [];

    /// <summary>Adds an error.</summary>
    public void Error(string path, string? value, string message) => _problems.Add(ConfigProblem.Error(path, value, message));

    /// <summary>Adds a warning.</summary>
    public void Warning(string path, string? value, string message) => _problems.Add(ConfigProblem.Warning(path, value, message));

    /// <summary>Adds a problem as it is.</summary>
    public void Add(ConfigProblem problem) => _problems.Add(problem);

    /// <summary>The problems so far.</summary>
    public ValueList<ConfigProblem> ToValueList() => _problems.ToValueList();

    /// <summary>How many problems so far.</summary>
    public int Count => _problems.Count;

    /// <summary>How many errors so far.</summary>
    public int ErrorCount => _problems.Count(p => p.IsError);

    /// <summary>A duration as a file writes it; negative ones with a leading '-'.</summary>
    public static string Text(TimeSpan duration) =>
        duration < TimeSpan.Zero ? "-" + Text(duration.Negate())
        : duration.Ticks % TimeSpan.TicksPerMillisecond == 0 ? DurationText.Format(duration)
        : duration.ToString();

    /// <summary>A number range as "+first…+last".</summary>
    public static string Text(NumberRange range) => range.ToString();
}
