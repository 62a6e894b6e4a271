using Concierge.Config.Model;

namespace Concierge.Config.Validation.Rules;

/// <summary>Checks that a name refers to a tenant, announcement or variant that exists and fits.</summary>
internal static class ReferenceRules
{
    public static void Tenant(ConciergeConfig config, string path, string name, ProblemList problems)
    {
        if (config.FindTenant(name) is null)
        {
            problems.Error(path, name, $"is not a tenant (known: {Known(config.Tenants.Select(t => t.Name))})");
        }
    }

    public static void Announcement(ConciergeConfig config, string path, string name, string? tenant, AnnouncementType? type, ProblemList problems)
    {
        var announcement = config.FindAnnouncement(name);
        if (announcement is null)
        {
            problems.Error(path, name, "is not a registered announcement");
            return;
        }
        if (tenant is not null && announcement.Tenant != tenant)
        {
            problems.Error(path, name, $"is registered for tenant \"{announcement.Tenant}\", not \"{tenant}\"");
        }
        if (type is { } wanted && announcement.Type != wanted)
        {
            problems.Error(path, name, $"is of type {announcement.Type}, not {wanted}");
        }
    }

    public static void Variant(ConciergeConfig config, string path, string name, string tenant, ProblemList problems)
    {
        var variant = config.FindVariant(name);
        if (variant is null)
        {
            problems.Error(path, name, $"is not a night variant (known: {Known(config.NightVariants.Select(v => v.Name))})");
        }
        else if (variant.Tenant != tenant)
        {
            problems.Error(path, name, $"belongs to tenant \"{variant.Tenant}\", not \"{tenant}\"");
        }
    }

    private static string Known(IEnumerable<string> names)
    {
        var list = names.Take(8).ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list.Select(n => $"\"{n}\""));
    }
}
