using System.Globalization;
using Concierge.Config.Numbers;
using Concierge.Cps.Calls;
using Concierge.Cps.Records;
using Concierge.Cps.Statistics;
using Concierge.Server.Hosting;
using Concierge.Server.Pbx;
using Concierge.Store;
using Concierge.Store.CallRecords;

namespace Concierge.Server.Http;

/// <summary>
/// What the attendant client shows beside the calls: the busy lamp field (<c>/api/busy-lamps</c>), the phone book
/// (<c>/api/directory?q=</c>) and call statistics from the stored records (<c>/api/statistics</c>), each for the
/// account's tenant where it has one.
/// </summary>
public static class DeskInformationEndpoints
{
    /// <summary>Most records statistics are computed from in one answer.</summary>
    public const int MaxRecords = 100_000;

    /// <summary>Maps the end points.</summary>
    public static void MapDeskInformation(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/busy-lamps", async (NodeHost host) => Results.Json(await host.InvokeAsync(node =>
            node.Engine is { SipOnly: true }
                ? new BusyLampFieldView(false, "the CPS runs SIP only: busy lamps need the CSTA link", [])
                : new BusyLampFieldView(true, null, node.Desk.BusyLamps.Select(l => new BusyLampView(l.Device, l.State)).ToList())).ConfigureAwait(false)))
            .WithName("busy-lamps").WithSummary("The monitored office users with their state (idle, ringing, busy, forwarded, out of service, unknown)")
            .Produces<BusyLampFieldView>();

        app.MapGet("/api/directory", (HttpContext context, NodeHost host) => Problems.Guard(async () =>
        {
            var query = context.Request.Query["q"].ToString();
            if (string.IsNullOrWhiteSpace(query)) throw new BadInputException("q", query, "is missing: give a name prefix or a number");
            var entries = await host.InvokeAsync(node => node.Desk.SearchDirectory(query)).ConfigureAwait(false);
            return Results.Json(entries.Select(e => new DirectoryEntryView(e.Name, e.Numbers.Select(n => n.ToString()).ToList(), e.Department, e.Location, e.Email)).ToList());
        })).WithName("directory").WithSummary("Phone book entries by name prefix or number (at most 50)").Produces<List<DirectoryEntryView>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        app.MapGet("/api/statistics", (HttpContext context, ConciergeStore store) => Problems.Guard(() =>
        {
            var account = TokenAuthentication.AccountOf(context);
            var request = context.Request.Query;
            DateTimeOffset? since = null;
            if (request["since"].ToString() is { Length: > 0 } sinceText)
                since = DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                    ? parsed
                    : throw new BadInputException("since", sinceText, "is not a time (ISO 8601, e.g. 2026-12-02T09:00:00Z)");
            var level = CallStatistics.DefaultServiceLevelTime;
            if (request["serviceLevelSeconds"].ToString() is { Length: > 0 } levelText)
                level = int.TryParse(levelText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 3600
                    ? TimeSpan.FromSeconds(seconds)
                    : throw new BadInputException("serviceLevelSeconds", levelText, "is not a whole number of seconds from 1 to 3600");
            var tenant = account.Role == Store.Accounts.AccountRole.Administrator ? null : account.Name.Tenant;
            var records = store.CallRecords(since, tenant, MaxRecords).Select(Restore).OfType<CallRecord>().ToList();
            var byNumber = CallStatisticsCalculator.ByNumber(records, level).Select(p => new NumberStatisticsView(p.Key.ToString(), p.Value)).ToList();
            var byAttendant = CallStatisticsCalculator.ByAttendant(records, level).Select(p => new NumberStatisticsView(p.Key, p.Value)).ToList();
            return Task.FromResult(Results.Json(new StatisticsView(CallStatisticsCalculator.Of(records, level), byNumber, byAttendant)));
        })).WithName("statistics").WithSummary("Offered, answered, abandoned … with waits and service level, per number and per attendant, from the stored call records")
            .Produces<StatisticsView>().ProducesProblem(StatusCodes.Status400BadRequest);
    }

    /// <summary>A stored record as the statistics read it; null for one whose numbers or disposition cannot be read.</summary>
    private static CallRecord? Restore(StoredCallRecord r)
    {
        if (!E164Number.TryParse(r.Called, out var called) || !Enum.TryParse<CallDisposition>(r.Disposition, ignoreCase: true, out var disposition)) return null;
        return CallRecord.Restore(r.CallId, r.Caller, called, r.EnteredAt, CallType.Standard, r.Tenant, r.AnsweredAt, r.AnsweredBy, r.EndedAt, disposition);
    }
}

/// <summary>The busy lamp field: whether the CPS can show it and each device's state.</summary>
public sealed record BusyLampFieldView(bool Available, string? Reason, IReadOnlyList<BusyLampView> Lamps);

/// <summary>One monitored device.</summary>
public sealed record BusyLampView(string Device, string State);

/// <summary>One phone book entry.</summary>
public sealed record DirectoryEntryView(string Name, IReadOnlyList<string> Numbers, string? Department, string? Location, string? Email);

/// <summary>The statistics of one number (pilot, personal line) or attendant device.</summary>
public sealed record NumberStatisticsView(string Number, CallStatistics Statistics);

/// <summary>Statistics over everything, per number dialled and per attendant.</summary>
public sealed record StatisticsView(CallStatistics All, IReadOnlyList<NumberStatisticsView> ByNumber, IReadOnlyList<NumberStatisticsView> ByAttendant);
