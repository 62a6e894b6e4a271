using Concierge.Server.Accounts;
using Concierge.Server.Options;
using Concierge.Server.Oscc;
using Concierge.Store;
using Concierge.Store.Accounts;

namespace Concierge.Server.Http;

/// <summary>
/// User administration for managers (C 8.11): <c>GET /api/oscc/agents</c> lists the business units and users of the
/// OSCC user export (<c>--oscc-agents</c>) with whether each is an account of the manager's tenant already;
/// <c>POST /api/accounts/oscc-import</c> <c>{"users":[…]}</c> makes the selected users accounts of the tenant, without a
/// password; <c>POST /api/accounts/password</c> <c>{"account":"&lt;tenant&gt;\\&lt;name&gt;","password":"…"}</c> sets the
/// password of a user account of the tenant (OSCC does not synchronise passwords).
/// </summary>
public static class OsccAgentEndpoints
{
    /// <summary>Most users one import selects.</summary>
    public const int MaxSelected = 1000;

    /// <summary>Maps the end points.</summary>
    public static void MapOsccAgents(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/oscc/agents", (HttpContext context, ServerOptions options, ConciergeStore store) => Problems.Guard(() =>
        {
            if (TokenAuthentication.Require(context, AccountRole.Manager) is { } forbidden) return Task.FromResult(forbidden);
            var tenant = TokenAuthentication.AccountOf(context).Name.Tenant;
            if (ReadExport(options, out var agents) is { } unreadable) return Task.FromResult(unreadable);
            return Task.FromResult(Results.Json(agents.Select(a => new OsccAgentView(a.BusinessUnit, a.User, a.FirstName, a.LastName,
                store.FindAccount(new AccountName(tenant, a.User)) is not null)).ToList()));
        })).WithName("oscc-agents").WithSummary("The business units and users of OSCC, and which are accounts of the tenant already")
            .Produces<List<OsccAgentView>>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);

        app.MapPost("/api/accounts/oscc-import", (HttpContext context, ServerOptions options, ConciergeStore store, TimeProvider time) => Problems.Guard(async () =>
        {
            if (TokenAuthentication.Require(context, AccountRole.Manager) is { } forbidden) return forbidden;
            var users = (await RequestBody.ReadAsync(context.Request).ConfigureAwait(false)).Allow("users").Texts("users", MaxSelected);
            if (ReadExport(options, out var agents) is { } unreadable) return unreadable;
            try
            {
                var result = OsccAgentImport.Import(store, TokenAuthentication.AccountOf(context).Name.Tenant, agents, users, time.GetUtcNow());
                return Results.Json(result);
            }
            catch (ArgumentException unknown)
            {
                throw new BadInputException("users", null, unknown.Message.Split(" (Parameter", 2)[0]);
            }
        })).WithName("oscc-import").WithSummary("Make the selected OSCC users accounts of the tenant (without a password)")
            .Accepts<OsccImportRequest>("application/json").Produces<OsccImportResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);

        app.MapPost("/api/accounts/password", (HttpContext context, ConciergeStore store, AccountService accounts) => Problems.Guard(async () =>
        {
            if (TokenAuthentication.Require(context, AccountRole.Manager) is { } forbidden) return forbidden;
            var body = (await RequestBody.ReadAsync(context.Request).ConfigureAwait(false)).Allow("account", "password");
            var nameText = body.Text("account");
            var password = body.Text("password");
            if (!AccountName.TryParse(nameText, out var name, out var reason)) throw new BadInputException("account", nameText, reason);
            var manager = TokenAuthentication.AccountOf(context);
            var target = store.FindAccount(name);
            var mayChange = target is not null && (manager.Role == AccountRole.Administrator || (target.Name.Tenant == manager.Name.Tenant && target.Role == AccountRole.User));
            if (!mayChange) return Problems.NotFound("account", nameText, $"is not a user account of tenant {manager.Name.Tenant}");
            try
            {
                accounts.SetPassword(target!.Name, password);
            }
            catch (StoreException weak)
            {
                throw new BadInputException("password", null, weak.Message.Replace("password: ", "", StringComparison.Ordinal));
            }
            return Results.Json(new { result = "ok" });
        })).WithName("account-password").WithSummary("Set the password of a user account of the tenant (ends its tokens)")
            .Accepts<AccountPasswordRequest>("application/json").Produces<OkAnswer>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Reads the configured export; a 409 problem when none is configured or it cannot be read.</summary>
    private static IResult? ReadExport(ServerOptions options, out IReadOnlyList<OsccAgent> agents)
    {
        agents = [];
        if (options.OsccAgentExportFile is not { } file)
            return Unavailable("no OSCC user export is configured (--oscc-agents <file>, or OsccAgents in appsettings.json)");
        try
        {
            using var reader = new StreamReader(file);
            agents = OsccAgentExport.Read(reader, file);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return Unavailable($"the OSCC user export cannot be read: {ex.Message}");
        }
    }

    private static IResult Unavailable(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "OSCC agents unavailable");
}

/// <summary>An OSCC user as the import dialog lists it.</summary>
public sealed record OsccAgentView(string BusinessUnit, string User, string FirstName, string LastName, bool Imported);

/// <summary>The body of <c>oscc-import</c>.</summary>
public sealed record OsccImportRequest(IReadOnlyList<string> Users);

/// <summary>The body of <c>account-password</c>.</summary>
public sealed record AccountPasswordRequest(string Account, string Password);
