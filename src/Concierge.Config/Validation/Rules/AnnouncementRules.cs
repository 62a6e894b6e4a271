using Concierge.Config.Model;

namespace Concierge.Config.Validation.Rules;

/// <summary>Rules for registered announcements: unique names, a tenant that exists, a file, a positive duration.</summary>
internal static class AnnouncementRules
{
    public static void Check(ConciergeConfig config, ProblemList problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < config.Announcements.Count; i++)
        {
            var a = config.Announcements[i];
            var path = $"announcements[{i}]";
            if (string.IsNullOrWhiteSpace(a.Name))
            {
                problems.Error($"{path}.name", a.Name, "is empty");
            }
            else if (!seen.Add(a.Name))
            {
                problems.Error($"{path}.name", a.Name, "names an announcement twice");
            }
            ReferenceRules.Tenant(config, $"{path}.tenant", a.Tenant, problems);
            if (string.IsNullOrWhiteSpace(a.File))
            {
                problems.Error($"{path}.file", a.File, "is empty: name the wave file");
            }
            if (a.Duration is { } duration)
            {
                TenantRules.Positive($"{path}.duration", duration, problems);
            }
            if (a.Loops && a.Type == AnnouncementType.Dialog)
            {
                problems.Warning($"{path}.loops", "true", "a dialog that loops never ends");
            }
        }
    }
}
