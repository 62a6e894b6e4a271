using Concierge.Config.Numbers;

namespace Concierge.Config.Model;

/// <summary>
/// The number ranges routed to the CPS (C 4.4.2, 5.4.1, 8.8). Pilot numbers are absent with OSCC; the loop number only
/// matters with a standby CPS.
/// </summary>
public sealed record CpsNumberRanges(
    NumberRange? Pilot,
    NumberRange PersonalLines,
    E164Number? Loop,
    NumberRange Request,
    NumberRange Callback)
{
    /// <summary>Request numbers needed besides one per agent (C 4.4.2.1).</summary>
    public const int RequestNumbersBase = 8;

    /// <summary>Callback numbers needed besides one per call parked for paging (C 4.4.2.1).</summary>
    public const int CallbackNumbersBase = 3;

    /// <summary>Request numbers the sizing formula asks for: 8 plus the number of agents.</summary>
    public static long RequiredRequestNumbers(int agents) => RequestNumbersBase + agents;

    /// <summary>Callback numbers the sizing formula asks for: 3 plus the most calls parked for paging.</summary>
    public static long RequiredCallbackNumbers(int maxParkedForPaging) => CallbackNumbersBase + maxParkedForPaging;

    /// <summary>The ranges by their field name, present ones only (the loop number as a one-number range).</summary>
    public IEnumerable<(string Field, NumberRange Range)> Named()
    {
        if (Pilot is not null)
        {
            yield return ("pilot", Pilot);
        }
        yield return ("personalLines", PersonalLines);
        if (Loop is { } loop)
        {
            yield return ("loop", NumberRange.Single(loop));
        }
        yield return ("request", Request);
        yield return ("callback", Callback);
    }
}
