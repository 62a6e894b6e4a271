using System.Globalization;
using Concierge.Server.Pbx;
using Concierge.Store;
using Concierge.Store.Accounts;
using Concierge.Store.CallRecords;

namespace Concierge.Server.Http;

/// <summary>
/// <c>GET /api/call-records?since=&lt;ISO 8601&gt;&amp;limit=&lt;n&gt;</c>: ended calls from the store, oldest first —
/// for managers their tenant's, for administrators every tenant's.
/// </summary>
public static class CallRecordEndpoints
{
    /// <summary>The most records one answer holds.</summary>
    public const int MaxLimit = 10_000;

    /// <summary>Maps the call record end point.</summary>
    public static void MapCallRecords(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/call-records", (HttpContext context, ConciergeStore store) => Problems.Guard(() =>
        {
            if (TokenAuthentication.Require(context, AccountRole.Manager) is { } forbidden) return Task.FromResult(forbidden);
            var account = TokenAuthentication.AccountOf(context);
            var query = context.Request.Query;
            DateTimeOffset? since = null;
            if (query["since"].ToString() is { Length: > 0 } sinceText)
                since = DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                    ? parsed
                    : throw new BadInputException("since", sinceText, "is not a time (ISO 8601, e.g. 2026-12-02T09:00:00Z)");
            var limit = 1000;
            if (query["limit"].ToString() is { Length: > 0 } limitText &&
                (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
                throw new BadInputException("limit", limitText, $"is not a whole number from 1 to {MaxLimit}");
            var tenant = account.Role == AccountRole.Administrator ? null : account.Name.Tenant;
            return Task.FromResult(Results.Json(store.CallRecords(since, tenant, limit)));
        })).WithName("call-records").WithSummary("Ended calls from the database, oldest first (managers: their tenant; administrators: all)")
            .Produces<List<StoredCallRecord>>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
    }
}
