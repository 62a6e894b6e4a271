namespace Concierge.Config.Model;

/// <summary>
/// A tenant's priority per call type (C 8.3.4): orders the caller queue and the ACD. 1 is the most urgent, 10 the least;
/// calls of equal priority are served longest-waiting first.
/// </summary>
public sealed record CallPriorities(int Standard, int Internal, int Intercept, int PersonalLine, int Recall)
{
    /// <summary>Most urgent priority value.</summary>
    public const int Highest = 1;

    /// <summary>Least urgent priority value.</summary>
    public const int Lowest = 10;

    /// <summary>Recalls (failed transfers) first, then personal lines, intercepts, internal and standard calls.</summary>
    public static readonly CallPriorities Default = new(Standard: 5, Internal: 5, Intercept: 4, PersonalLine: 3, Recall: 2);
}
