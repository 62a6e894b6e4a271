using Concierge.Config.Model;
using Concierge.Config.Validation.Rules;

namespace Concierge.Config.Validation;

/// <summary>Checks a <see cref="ConciergeConfig"/> against the guide's rules and returns every problem, never only the first.</summary>
public static class ConfigValidator
{
    /// <summary>Runs all rules.</summary>
    public static ValidationReport Validate(ConciergeConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var problems = new ProblemList();
        CpsSettingsRules.Check(config, problems);
        NumberRangeRules.Check(config, problems);
        TenantRules.Check(config, problems);
        AnnouncementRules.Check(config, problems);
        VariantRules.Check(config, problems);
        DdiEntryRules.Check(config, problems);
        AttendantRules.Check(config, problems);
        StandbyRules.Check(config, problems);
        EditionRules.Check(config, problems);
        return new ValidationReport(problems.ToValueList());
    }
}
