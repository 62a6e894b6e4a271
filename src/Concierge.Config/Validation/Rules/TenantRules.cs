using System.Globalization;
using Concierge.Config.Model;

namespace Concierge.Config.Validation.Rules;

/// <summary>Rules for tenants: unique names, positive times, priorities in range, announcements and variants that exist.</summary>
internal static class TenantRules
{
    public static void Check(ConciergeConfig config, ProblemList problems)
    {
        if (config.Tenants.Count == 0)
        {
            problems.Error("tenants", null, "is empty: at least the tenant DEFAULT is needed");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < config.Tenants.Count; i++)
        {
            var tenant = config.Tenants[i];
            var path = $"tenants[{i}]";
            if (string.IsNullOrWhiteSpace(tenant.Name))
            {
                problems.Error($"{path}.name", tenant.Name, "is empty");
            }
            else if (!seen.Add(tenant.Name))
            {
                problems.Error($"{path}.name", tenant.Name, "names a tenant twice");
            }
            CheckTimes($"{path}.times", tenant.Times, problems);
            CheckPriorities($"{path}.priorities", tenant.Priorities, problems);
            CheckAnnouncements(config, tenant, path, problems);
            if (tenant.TimeOverflowVariant is { } variant)
            {
                ReferenceRules.Variant(config, $"{path}.timeOverflowVariant", variant, tenant.Name, problems);
            }
        }
    }

    internal static void CheckTimes(string path, TenantTimes times, ProblemList problems)
    {
        Positive($"{path}.maxTransferTime", times.MaxTransferTime, problems);
        Positive($"{path}.maxTimeInIncomingQueue", times.MaxTimeInIncomingQueue, problems);
        Positive($"{path}.rnaTimeout", times.RnaTimeout, problems);
        NotNegative($"{path}.ringTime", times.RingTime, problems);
    }

    internal static void Positive(string path, TimeSpan value, ProblemList problems)
    {
        if (value < TimeSpan.Zero)
        {
            problems.Error(path, ProblemList.Text(value), "is not a duration (negative)");
        }
        else if (value == TimeSpan.Zero)
        {
            problems.Error(path, ProblemList.Text(value), "must be longer than 0 s");
        }
    }

    internal static void NotNegative(string path, TimeSpan value, ProblemList problems)
    {
        if (value < TimeSpan.Zero)
        {
            problems.Error(path, ProblemList.Text(value), "is not a duration (negative)");
        }
    }

    internal static void Priority(string path, int value, ProblemList problems)
    {
        if (value is < CallPriorities.Highest or > CallPriorities.Lowest)
        {
            problems.Error(path, value.ToString(CultureInfo.InvariantCulture), "is not a priority (1 = most urgent … 10)");
        }
    }

    private static void CheckPriorities(string path, CallPriorities priorities, ProblemList problems)
    {
        Priority($"{path}.standard", priorities.Standard, problems);
        Priority($"{path}.internal", priorities.Internal, problems);
        Priority($"{path}.intercept", priorities.Intercept, problems);
        Priority($"{path}.personalLine", priorities.PersonalLine, problems);
        Priority($"{path}.recall", priorities.Recall, problems);
    }

    private static void CheckAnnouncements(ConciergeConfig config, Tenant tenant, string path, ProblemList problems)
    {
        var a = tenant.Announcements;
        ReferenceRules.Announcement(config, $"{path}.announcements.musicOnHold", a.MusicOnHold, tenant.Name, AnnouncementType.MusicOnHold, problems);
        if (a.StartAnnouncement is { } start)
        {
            ReferenceRules.Announcement(config, $"{path}.announcements.startAnnouncement", start, tenant.Name, null, problems);
        }
        if (a.NumberNotInService is { } notInService)
        {
            ReferenceRules.Announcement(config, $"{path}.announcements.numberNotInService", notInService, tenant.Name, null, problems);
        }
        if (a.NotAvailable is { } notAvailable)
        {
            ReferenceRules.Announcement(config, $"{path}.announcements.notAvailable", notAvailable, tenant.Name, null, problems);
        }
        var paging = tenant.Paging;
        if (paging.Enabled)
        {
            if (paging.Announcement is null)
            {
                problems.Error($"{path}.paging.announcement", null, "is missing: paging needs a paging announcement");
            }
            else
            {
                ReferenceRules.Announcement(config, $"{path}.paging.announcement", paging.Announcement, tenant.Name, null, problems);
            }
            if (paging.MaxParkedCalls < 1)
            {
                problems.Error($"{path}.paging.maxParkedCalls", paging.MaxParkedCalls.ToString(CultureInfo.InvariantCulture), "must be at least 1 when paging is enabled");
            }
        }
        else if (paging.MaxParkedCalls < 0)
        {
            problems.Error($"{path}.paging.maxParkedCalls", paging.MaxParkedCalls.ToString(CultureInfo.InvariantCulture), "is negative");
        }
    }
}
