using System.Globalization;
using Concierge.Server.Accounts;
using Concierge.Store.Accounts;

namespace Concierge.Server.Http;

/// <summary>
/// <c>POST /api/logon</c> <c>{"account":"&lt;tenant&gt;\\&lt;name&gt;","password":"…"}</c> → a bearer token
/// (401 when wrong, 429 with Retry-After after too many failures); <c>POST /api/logoff</c> revokes the request's
/// token; <c>GET /api/account</c> says who the token belongs to.
/// </summary>
public static class AccountEndpoints
{
    /// <summary>Maps the account end points.</summary>
    public static void MapAccounts(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/logon", (HttpContext context, AccountService accounts) => Problems.Guard(async () =>
        {
            var body = (await RequestBody.ReadAsync(context.Request).ConfigureAwait(false)).Allow("account", "password");
            var nameText = body.Text("account");
            var password = body.Text("password");
            if (!AccountName.TryParse(nameText, out var name, out var reason)) throw new BadInputException("account", nameText, reason);
            var remote = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            var result = accounts.LogOn(name, password, remote);
            if (result.RetryAfter > TimeSpan.Zero)
            {
                context.Response.Headers.RetryAfter = Math.Ceiling(result.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return Results.Problem(detail: result.Refusal, statusCode: StatusCodes.Status429TooManyRequests, title: "too many failed log-ons");
            }
            if (!result.Succeeded)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return Problems.Unauthorized(result.Refusal!);
            }
            return Results.Json(new
            {
                token = result.Token, expiresAt = result.ExpiresAt, account = result.Account!.Name.ToString(),
                tenant = result.Account.Name.Tenant, role = result.Account.Role.ToString().ToLowerInvariant(),
            });
        })).WithName("logon").WithSummary("Log on with an account and its password; answers a bearer token")
            .Accepts<LogonRequest>("application/json").Produces<LogonAnswer>().ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        app.MapPost("/api/logoff", (HttpContext context, AccountService accounts) =>
        {
            accounts.LogOff(TokenAuthentication.TokenOf(context));
            return Results.Json(new { result = "ok" });
        }).WithName("logoff").WithSummary("Revoke the request's token").Produces<OkAnswer>().ProducesProblem(StatusCodes.Status401Unauthorized);
        app.MapGet("/api/account", (HttpContext context) =>
        {
            var account = TokenAuthentication.AccountOf(context);
            return Results.Json(new { account = account.Name.ToString(), tenant = account.Name.Tenant, role = account.Role.ToString().ToLowerInvariant() });
        }).WithName("account").WithSummary("The account the token belongs to").Produces<AccountAnswer>();
    }
}
