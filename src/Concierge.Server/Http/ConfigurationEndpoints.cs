using Concierge.Config.Model;
using Concierge.Config.Topology;
using Concierge.Runtime.Collections;
using Concierge.Server.Hosting;
using Concierge.Server.Pbx;
using Concierge.Store;
using Concierge.Store.Accounts;

namespace Concierge.Server.Http;

/// <summary>
/// <c>GET /api/configuration</c>: the configuration the server runs as a topology file's <c>concierge:</c> section
/// (YAML, the format <c>./run-server.sh import</c> reads). An administrator gets all of it; a manager gets only its
/// tenant's parts (the tenant, its DDI entries, variants, announcements and attendants; no CPS-wide settings).
/// <c>PUT /api/configuration</c> with such a section changes it (see <see cref="ConfigurationChange"/>): checked as an
/// import is, applied to the running CPS (refused while calls are on it) and stored; a refused change changes nothing.
/// </summary>
public static class ConfigurationEndpoints
{
    /// <summary>The media type of the answer.</summary>
    public const string ContentType = "application/yaml";

    private static readonly SemaphoreSlim OneChangeAtATime = new(1, 1);

    /// <summary>Maps the configuration end points.</summary>
    public static void MapConfiguration(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/configuration", ChangeAsync).WithName("changeConfiguration")
            .WithSummary("Changes the configuration: a concierge: section as GET answers it (managers: their tenant's parts), checked as an import is")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        app.MapGet("/api/configuration", (HttpContext context, NodeHost host) =>
        {
            if (TokenAuthentication.Require(context, AccountRole.Manager) is { } forbidden) return forbidden;
            var account = TokenAuthentication.AccountOf(context);
            var config = host.Configuration;
            if (account.Role == AccountRole.Administrator) return Results.Text(ConciergeSectionWriter.WriteDocument(config), ContentType);
            return Results.Text(TopologyYamlWriter.Write(OfTenant(config, account.Name.Tenant)), ContentType);
        }).WithName("configuration").WithSummary("The configuration as a concierge: section (managers: their tenant's parts)")
            .Produces<string>(contentType: ContentType).ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> ChangeAsync(HttpContext context, NodeHost host, ServerTopology topology, ConciergeStore store, TimeProvider time)
    {
        if (TokenAuthentication.Require(context, AccountRole.Manager) is { } forbidden) return forbidden;
        var account = TokenAuthentication.AccountOf(context);
        string yaml;
        try
        {
            yaml = await ReadTextAsync(context.Request).ConfigureAwait(false);
        }
        catch (BadInputException ex)
        {
            return Problems.BadInput(ex);
        }
        await OneChangeAtATime.WaitAsync(context.RequestAborted).ConfigureAwait(false);
        try
        {
            var running = host.Configuration;
            var outcome = ConfigurationChange.Read(yaml, running, topology.Root, account.Role == AccountRole.Administrator ? null : account.Name.Tenant);
            if (outcome.Config is not { } config) return Refused(outcome);
            var applied = await host.InvokeAsync(node => node.Reconfigure(config)).ConfigureAwait(false);
            if (!applied.Succeeded) return Problems.Of(applied);
            try
            {
                store.SaveConfiguration(config, $"PUT /api/configuration by {account.Name}", time.GetUtcNow());
            }
            catch (StoreException ex)
            {
                await host.InvokeAsync(node => node.Reconfigure(running)).ConfigureAwait(false);
                return Results.Problem(detail: $"the configuration could not be stored ({ex.Message}); the running one is kept", statusCode: StatusCodes.Status503ServiceUnavailable, title: "not stored");
            }
            return Results.Json(new
            {
                result = "ok",
                tenants = config.Tenants.Count,
                ddiEntries = config.DdiEntries.Count,
                nightVariants = config.NightVariants.Count,
                announcements = config.Announcements.Count,
                attendants = config.Attendants.Count,
                warnings = outcome.Problems.Select(p => p.ToString()).ToList(),
            });
        }
        finally
        {
            OneChangeAtATime.Release();
        }
    }

    private static IResult Refused(ChangeOutcome outcome)
    {
        var first = outcome.Problems.FirstOrDefault();
        var title = outcome.Status switch
        {
            StatusCodes.Status403Forbidden => "not allowed",
            StatusCodes.Status409Conflict => "conflict",
            _ => "invalid configuration",
        };
        return Results.Problem(
            detail: first is null ? "the configuration cannot be read" : outcome.Problems.Count == 1 ? first.ToString() : $"{first} (and {outcome.Problems.Count - 1} more)",
            statusCode: outcome.Status, title: title,
            extensions: new Dictionary<string, object?>
            {
                ["field"] = first?.Path,
                ["value"] = first?.Value,
                ["errors"] = outcome.Problems.Select(p => new { field = p.Path, value = p.Value, message = p.Message, line = p.Source?.Line }).ToList(),
            });
    }

    private static async Task<string> ReadTextAsync(HttpRequest request)
    {
        if (request.ContentLength is > RequestBody.MaxBytes) throw new BadInputException("body", null, $"is longer than {RequestBody.MaxBytes} bytes");
        if (request.ContentType is { } type && !(type.StartsWith("application/yaml", StringComparison.OrdinalIgnoreCase) || type.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
                || type.StartsWith("application/x-yaml", StringComparison.OrdinalIgnoreCase)))
            throw new BadInputException("Content-Type", type, "is not YAML (send application/yaml: the concierge: section GET /api/configuration answers)");
        try
        {
            using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
            var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
            if (text.Length == 0) throw new BadInputException("body", null, "is empty (send the concierge: section)");
            return text;
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new BadInputException("body", null, $"is longer than {RequestBody.MaxBytes} bytes");
        }
    }

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
