using System.Globalization;
using Concierge.Config.Model;

namespace Concierge.Config.Validation.Rules;

/// <summary>Rules for the CPS number ranges: well formed, disjoint, and sized as C 4.4.2.1 asks.</summary>
internal static class NumberRangeRules
{
    public static void Check(ConciergeConfig config, ProblemList problems)
    {
        var ranges = config.Ranges;
        var named = ranges.Named().ToList();
        foreach (var (field, range) in named)
        {
            if (range.Problem is { } problem)
            {
                problems.Error($"ranges.{field}", range.ToString(), $"is not a range: {problem}");
            }
        }
        for (var i = 0; i < named.Count; i++)
        {
            for (var j = i + 1; j < named.Count; j++)
            {
                if (named[i].Range.Overlaps(named[j].Range))
                {
                    problems.Error($"ranges.{named[j].Field}", named[j].Range.ToString(),
                        $"overlaps ranges.{named[i].Field} ({named[i].Range})");
                }
            }
        }
        if (config.BusyLamps is { } lamps)
        {
            if (lamps.Problem is { } lampProblem) problems.Error("busyLamps", lamps.ToString(), $"is not a range: {lampProblem}");
            else if (lamps.Count > ConciergeConfig.MaxBusyLamps) problems.Error("busyLamps", lamps.ToString(), $"has {lamps.Count} devices; a busy lamp field monitors at most {ConciergeConfig.MaxBusyLamps}");
            foreach (var (field, range) in named)
            {
                if (lamps.Problem is null && range.Problem is null && lamps.Overlaps(range))
                    problems.Error("busyLamps", lamps.ToString(), $"overlaps ranges.{field} ({range}): busy lamps show office users, not CPS numbers");
            }
        }
        if (ranges.Pilot is null && !config.UsesOscc)
        {
            problems.Error("ranges.pilot", null, "is missing: without OSCC the pilot numbers route to the CPS");
        }

        var agents = config.Attendants.Count;
        var neededRequests = CpsNumberRanges.RequiredRequestNumbers(agents);
        if (ranges.Request.Problem is null && ranges.Request.Count < neededRequests)
        {
            problems.Warning("ranges.request", ranges.Request.ToString(),
                $"holds {Count(ranges.Request.Count)} numbers; 8 + {agents} agents = {neededRequests} are recommended");
        }
        var parked = config.Tenants.Where(t => t.Paging.Enabled).Sum(t => t.Paging.MaxParkedCalls);
        var neededCallbacks = CpsNumberRanges.RequiredCallbackNumbers(parked);
        if (ranges.Callback.Problem is null && ranges.Callback.Count < neededCallbacks)
        {
            problems.Warning("ranges.callback", ranges.Callback.ToString(),
                $"holds {Count(ranges.Callback.Count)} numbers; 3 + {parked} calls parked for paging = {neededCallbacks} are recommended");
        }
    }

    private static string Count(long count) => count.ToString(CultureInfo.InvariantCulture);
}
