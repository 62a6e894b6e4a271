using Concierge.Config.Model;
using Concierge.Config.Topology;
using Concierge.Config.Validation;
using Concierge.Server.Pbx;

namespace Concierge.Server.Http;

/// <summary>
/// A configuration change sent to <c>PUT /api/configuration</c>: a YAML document with a <c>concierge:</c> section, in
/// the format <c>GET /api/configuration</c> answers and <c>./run-server.sh import</c> reads. An administrator's section
/// replaces the whole configuration; a manager's holds its tenant's parts only (the tenant, its DDI entries,
/// variants, announcements and attendants), which replace that tenant's parts and leave every other tenant's as
/// they are. The result is read and validated exactly as an import is (the reader's field checks, the validator's
/// rules and the cross checks against the topology file's PBX and network sections), so every problem names the
/// field and the value.
/// </summary>
public static class ConfigurationChange
{
    /// <summary>The parts of the section that belong to one tenant (a manager may send only these).</summary>
    public static readonly IReadOnlyList<string> TenantParts = ["tenants", "ddiEntries", "nightVariants", "announcements", "attendants"];

    private const string RequestFile = "request.yaml";

    /// <summary>
    /// The configuration <paramref name="yaml"/> asks for, given the running one; for a manager (<paramref name="tenant"/>
    /// not null) merged into it. The outcome names each problem, and whether it is the sender's right that is missing (403)
    /// or the text that is wrong (400) or a name another tenant holds (409).
    /// </summary>
    public static ChangeOutcome Read(string yaml, ConciergeConfig running, TopologyMapping? root, string? tenant)
    {
        var problems = new ProblemList();
        var posted = TopologyFileReader.Read(yaml, RequestFile, problems);
        if (posted is null) return ChangeOutcome.Invalid(problems.ToValueList());
        foreach (var entry in posted.Entries.Where(e => e.Key != ConciergeSectionReader.SectionName))
            problems.Add(ConfigProblem.Error(entry.Key, null, "is not a field here (a configuration change holds only the concierge: section)") with { Source = entry.KeySource });
        if (posted.Mapping(ConciergeSectionReader.SectionName) is not { } section)
        {
            problems.Add(ConfigProblem.Error(ConciergeSectionReader.SectionName, null, "is required (a mapping: the section GET /api/configuration answers)"));
            return ChangeOutcome.Invalid(problems.ToValueList());
        }
        if (problems.ErrorCount > 0) return ChangeOutcome.Invalid(problems.ToValueList());

        var merged = section;
        if (tenant is not null)
        {
            foreach (var entry in section.Entries.Where(e => !TenantParts.Contains(e.Key, StringComparer.Ordinal)))
                return ChangeOutcome.Forbidden(Field(entry.Key), null, $"is a setting of the whole CPS; a manager changes only its tenant's parts ({string.Join(", ", TenantParts)})");
            if (MergeTenantParts(section, running, tenant) is not { } result) return ChangeOutcome.Invalid(problems.ToValueList());
            if (result.Conflict is { } conflict) return conflict;
            merged = result.Section!;
        }

        var document = new TopologyLoader(name => name == "request" ? TopologyYamlWriter.Write(WithSection(root, merged)) : null).Load("request");
        var errors = document.Errors.Select(Unlocated).ToList();
        if (errors.Count > 0 || document.Concierge is not { } config) return ChangeOutcome.Invalid(errors);
        if (tenant is not null && ForeignEntry(config, running, section, tenant) is { } foreign) return foreign;
        return ChangeOutcome.Accepted(config, document.Warnings.Select(Unlocated).ToList());
    }

    /// <summary>The running section with <paramref name="tenant"/>'s entries replaced by the posted ones.</summary>
    private static (TopologyMapping? Section, ChangeOutcome? Conflict)? MergeTenantParts(TopologyMapping posted, ConciergeConfig running, string tenant)
    {
        var current = ConciergeSectionWriter.Section(running);
        var owners = Owners(running);
        var entries = new List<TopologyEntry>();
        foreach (var part in current.Entries)
        {
            if (!TenantParts.Contains(part.Key, StringComparer.Ordinal) || part.Value is not TopologyMapping items)
            {
                entries.Add(part);
                continue;
            }
            var kept = items.Entries.Where(e => owners[part.Key].GetValueOrDefault(e.Key) != tenant).ToList();
            if (posted[part.Key] is { } sent)
            {
                if (sent is not TopologyMapping sentItems)
                {
                    if (sent is TopologyScalar { Value: null }) sentItems = new TopologyMapping([], sent.Source);
                    else return (null, ChangeOutcome.Invalid([ConfigProblem.Error(Field(part.Key), (sent as TopologyScalar)?.Value, $"must be a mapping, not {sent.Kind}") with { Source = sent.Source }]));
                }
                foreach (var item in sentItems.Entries)
                {
                    if (kept.Any(e => e.Key == item.Key))
                        return (null, ChangeOutcome.Conflict(Field(part.Key, item.Key), item.Key, "is in use by another tenant"));
                    kept.Add(item);
                }
            }
            entries.Add(new TopologyEntry(part.Key, part.KeySource, new TopologyMapping(kept, items.Source)));
        }
        if (!posted.Entries.Any(e => e.Key == "tenants") || posted.Mapping("tenants")?.Entries.Any(e => e.Key == tenant) != true)
            return (null, ChangeOutcome.Invalid([ConfigProblem.Error(Field("tenants"), null, $"must hold the tenant {tenant} (the manager's own; the section replaces all of its parts)")]));
        return (new TopologyMapping(entries, current.Source), null);
    }

    /// <summary>An entry the manager sent that names another tenant (a DDI entry with <c>tenant: Other</c>), or null.</summary>
    private static ChangeOutcome? ForeignEntry(ConciergeConfig config, ConciergeConfig running, TopologyMapping posted, string tenant)
    {
        var owners = Owners(config);
        foreach (var part in TenantParts)
        {
            if (posted.Mapping(part) is not { } sent) continue;
            foreach (var item in sent.Entries)
                if (owners[part].TryGetValue(item.Key, out var owner) && owner != tenant)
                    return part == "tenants"
                        ? ChangeOutcome.Forbidden(Field(part, item.Key), item.Key, $"is not your tenant ({tenant})")
                        : ChangeOutcome.Forbidden(Field(part, item.Key, "tenant"), owner, $"is not your tenant ({tenant}); a manager changes only its own tenant's entries");
        }
        // Nothing of another tenant changed, nor anything of the whole CPS (the merge kept them; this says it stayed so).
        foreach (var other in running.Tenants.Select(t => t.Name).Where(t => t != tenant))
            if (TopologyYamlWriter.Write(ConfigurationEndpoints.OfTenant(config, other)) != TopologyYamlWriter.Write(ConfigurationEndpoints.OfTenant(running, other)))
                return ChangeOutcome.Forbidden(Field("tenants", other), other, "would change; a manager changes only its own tenant");
        return null;
    }

    /// <summary>Who owns each entry of each tenant part, by its key in the section.</summary>
    private static Dictionary<string, Dictionary<string, string>> Owners(ConciergeConfig config) => new(StringComparer.Ordinal)
    {
        ["tenants"] = config.Tenants.ToDictionary(t => t.Name, t => t.Name, StringComparer.Ordinal),
        ["ddiEntries"] = config.DdiEntries.ToDictionary(e => e.Pilot.ToString(), e => e.Tenant, StringComparer.Ordinal),
        ["nightVariants"] = config.NightVariants.ToDictionary(v => v.Name, v => v.Tenant, StringComparer.Ordinal),
        ["announcements"] = config.Announcements.ToDictionary(a => a.Name, a => a.Tenant, StringComparer.Ordinal),
        ["attendants"] = config.Attendants.ToDictionary(a => a.Device.ToString(), config.TenantOf, StringComparer.Ordinal),
    };

    private static TopologyMapping WithSection(TopologyMapping? root, TopologyMapping section)
    {
        var entry = new TopologyEntry(ConciergeSectionReader.SectionName, section.Source, section);
        if (root is null) return new TopologyMapping([entry], section.Source);
        var entries = root.Entries.Where(e => e.Key != ConciergeSectionReader.SectionName && e.Key != "extends").ToList();
        entries.Add(entry);
        return new TopologyMapping(entries, root.Source);
    }

    /// <summary>A problem of the merged text: its line is of no use to the sender (the field and the value are).</summary>
    private static ConfigProblem Unlocated(ConfigProblem problem) => problem.Source?.File == "request.yaml" ? problem with { Source = null } : problem;

    /// <summary>The path of a field in the reader's spelling (<c>concierge.ddiEntries["+49…"].tenant</c>).</summary>
    private static string Field(params string[] parts) => parts.Aggregate(ConciergeSectionReader.SectionName, YamlPath.Child);
}

/// <summary>What a configuration change came to: the configuration to apply, or why not (with the HTTP status that says so).</summary>
public sealed record ChangeOutcome(ConciergeConfig? Config, int Status, IReadOnlyList<ConfigProblem> Problems)
{
    /// <summary>A configuration that passed every check.</summary>
    public static ChangeOutcome Accepted(ConciergeConfig config, IReadOnlyList<ConfigProblem> warnings) => new(config, StatusCodes.Status200OK, warnings);

    /// <summary>400: the text, a field or a rule is wrong.</summary>
    public static ChangeOutcome Invalid(IReadOnlyList<ConfigProblem> problems) => new(null, StatusCodes.Status400BadRequest, problems);

    /// <summary>403: the sender may not change this.</summary>
    public static ChangeOutcome Forbidden(string field, string? value, string message) => new(null, StatusCodes.Status403Forbidden, [ConfigProblem.Error(field, value, message)]);

    /// <summary>409: the name is taken by another tenant.</summary>
    public static ChangeOutcome Conflict(string field, string? value, string message) => new(null, StatusCodes.Status409Conflict, [ConfigProblem.Error(field, value, message)]);
}
