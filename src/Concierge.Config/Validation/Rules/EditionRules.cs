using System.Globalization;
using Concierge.Config.Model;

namespace Concierge.Config.Validation.Rules;

/// <summary>Concierge Plus limits: one tenant, at most six DDI entries, no OSCC, no paging (C 8.3, 8.4).</summary>
internal static class EditionRules
{
    public static void Check(ConciergeConfig config, ProblemList problems)
    {
        if (config.Edition != Edition.Plus)
        {
            return;
        }
        if (config.Tenants.Count > 1)
        {
            problems.Error("tenants", Count(config.Tenants.Count), "tenants: Concierge Plus allows one");
        }
        if (config.DdiEntries.Count > ConciergeConfig.PlusMaxDdiEntries)
        {
            problems.Error("ddiEntries", Count(config.DdiEntries.Count), "DDI entries: Concierge Plus allows at most 6");
        }
        if (config.UsesOscc)
        {
            problems.Error("ddiEntries", "oscc", "OSCC needs Concierge Professional");
        }
        for (var i = 0; i < config.Tenants.Count; i++)
        {
            if (config.Tenants[i].Paging.Enabled)
            {
                problems.Error($"tenants[{i}].paging.enabled", "true", "paging needs Concierge Professional");
            }
        }
    }

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);
}
