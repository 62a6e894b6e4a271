using Concierge.Config.Model;
using Concierge.Config.Topology;
using Concierge.Runtime.Collections;
using Concierge.Server.Pbx;
using Concierge.Store.Accounts;

namespace Concierge.Server.Http;

/// <summary>
/// <c>GET /api/configuration</c>: the configuration the server runs as a topology file's <c>concierge:</c> section
/// (YAML, the format <c>./run-server.sh import</c> reads). An administrator gets all of it; a manager gets only its
/// tenant's parts (the tenant, its DDI entries, variants, announcements and attendants; no CPS-wide settings).
/// </summary>
public static class ConfigurationEndpoints
{
    /// <summary>The media type of the answer.</summary>
    public const string ContentType = "application/yaml";

    /// <summary>Maps the configuration end point.</summary>
    public static void MapConfiguration(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/configuration", (HttpContext context, ServerTopology topology) =>
        {
            if (TokenAuthentication.Require(context, AccountRole.Manager) is { } forbidden) return forbidden;
            var account = TokenAuthentication.AccountOf(context);
            var config = topology.Config;
            if (account.Role == AccountRole.Administrator) return Results.Text(ConciergeSectionWriter.WriteDocument(config), ContentType);
            return Results.Text(TopologyYamlWriter.Write(OfTenant(config, account.Name.Tenant)), ContentType);
        }).WithName("configuration").WithSummary("The configuration as a concierge: section (managers: their tenant's parts)")
            .Produces<string>(contentType: ContentType).ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>The <c>concierge:</c> section with only <paramref name="tenant"/>'s parts.</summary>
    public static TopologyMapping OfTenant(ConciergeConfig config, string tenant)
    {
        var own = config with
        {
            Tenants = config.Tenants.Where(t => t.Name == tenant).ToValueList(),
            DdiEntries = config.DdiEntries.Where(e => e.Tenant == tenant).ToValueList(),
            NightVariants = config.NightVariants.Where(v => v.Tenant == tenant).ToValueList(),
            Announcements = config.Announcements.Where(a => a.Tenant == tenant).ToValueList(),
            Attendants = config.Attendants.Where(a => config.TenantOf(a) == tenant).ToValueList(),
            Standby = null,
        };
        string[] tenantParts = ["tenants", "ddiEntries", "nightVariants", "announcements", "attendants"];
        var section = ConciergeSectionWriter.Section(own);
        var kept = new TopologyMapping(section.Entries.Where(e => tenantParts.Contains(e.Key, StringComparer.Ordinal)).ToList(), section.Source);
        return new TopologyMapping([new TopologyEntry(ConciergeSectionReader.SectionName, section.Source, kept)], section.Source);
    }
}
