using Concierge.Server.Accounts;
using Concierge.Store.Accounts;

namespace Concierge.Server.Http;

/// <summary>
/// Every <c>/api</c> route but <c>POST /api/logon</c> needs <c>Authorization: Bearer &lt;token&gt;</c> with a live
/// token (401 problem details otherwise); the account is kept on the request for the end points.
/// </summary>
public static class TokenAuthentication
{
    private const string AccountKey = "concierge.account";
    private const string TokenKey = "concierge.token";

    /// <summary>Adds the token check in front of the API.</summary>
    public static void UseTokenAuthentication(this WebApplication app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/api") || path.StartsWithSegments("/api/logon"))
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        var header = context.Request.Headers.Authorization.ToString();
        // Browsers cannot set headers on a WebSocket: the event streams take the token from the query as well.
        if (header.Length == 0 && context.WebSockets.IsWebSocketRequest && context.Request.Query["access_token"].ToString() is { Length: > 0 } fromQuery)
            header = "Bearer " + fromQuery;
        string? problem = null;
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            problem = "a bearer token is required: POST /api/logon {\"account\":\"<tenant>\\\\<name>\",\"password\":\"…\"} gives one";
        else
        {
            var token = header["Bearer ".Length..].Trim();
            if (context.RequestServices.GetRequiredService<AccountService>().Authenticate(token) is { } account)
            {
                context.Items[AccountKey] = account;
                context.Items[TokenKey] = token;
                await next(context).ConfigureAwait(false);
                return;
            }
            problem = "the token is unknown, expired or revoked; log on again";
        }
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await Problems.Unauthorized(problem).ExecuteAsync(context).ConfigureAwait(false);
    });

    /// <summary>The account that sent the request (the token check ran).</summary>
    public static Account AccountOf(HttpContext context) =>
        context.Items[AccountKey] as Account ?? throw new InvalidOperationException("the request passed no token check");

    /// <summary>The token the request carried.</summary>
    public static string TokenOf(HttpContext context) =>
        context.Items[TokenKey] as string ?? throw new InvalidOperationException("the request passed no token check");

    /// <summary>403 unless the request's account has at least <paramref name="role"/>; null when it has.</summary>
    public static IResult? Require(HttpContext context, AccountRole role) => AccountOf(context).Role >= role
        ? null
        : Problems.Forbidden($"the account {AccountOf(context).Name} is a {AccountOf(context).Role.ToString().ToLowerInvariant()}; this needs a {role.ToString().ToLowerInvariant()}");
}
