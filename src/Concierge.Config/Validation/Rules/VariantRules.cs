using Concierge.Config.Model;

namespace Concierge.Config.Validation.Rules;

/// <summary>Rules for night and time overflow variants: each mode has exactly what it needs (C 8.7).</summary>
internal static class VariantRules
{
    public static void Check(ConciergeConfig config, ProblemList problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < config.NightVariants.Count; i++)
        {
            var v = config.NightVariants[i];
            var path = $"nightVariants[{i}]";
            if (string.IsNullOrWhiteSpace(v.Name))
            {
                problems.Error($"{path}.name", v.Name, "is empty");
            }
            else if (!seen.Add(v.Name))
            {
                problems.Error($"{path}.name", v.Name, "names a variant twice");
            }
            ReferenceRules.Tenant(config, $"{path}.tenant", v.Tenant, problems);
            switch (v.Mode)
            {
                case VariantMode.Announcement when v.Announcement is null:
                    problems.Error($"{path}.announcement", null, "is missing: mode Announcement plays an announcement");
                    break;
                case VariantMode.Announcement:
                    ReferenceRules.Announcement(config, $"{path}.announcement", v.Announcement, v.Tenant, null, problems);
                    break;
                case VariantMode.Forwarding when v.ForwardingDestination is null:
                    problems.Error($"{path}.forwardingDestination", null, "is missing: mode Forwarding needs a destination");
                    break;
            }
            if (v.Mode != VariantMode.Announcement && v.Announcement is not null)
            {
                problems.Warning($"{path}.announcement", v.Announcement, $"is ignored in mode {v.Mode}");
            }
            if (v.Mode != VariantMode.Forwarding && v.ForwardingDestination is { } destination)
            {
                problems.Warning($"{path}.forwardingDestination", destination.ToString(), $"is ignored in mode {v.Mode}");
            }
        }
    }
}
