using Concierge.Config.Numbers;
using Concierge.Cps.Records;

namespace Concierge.Cps.Statistics;

/// <summary>Computes <see cref="CallStatistics"/> from call records: all of them, per number dialled (pilot or personal line) or per attendant.</summary>
public static class CallStatisticsCalculator
{
    /// <summary>The statistics of <paramref name="records"/> that entered in [<paramref name="from"/>, <paramref name="to"/>) (null: unbounded).</summary>
    public static CallStatistics Of(IEnumerable<CallRecord> records, TimeSpan serviceLevelTime, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (serviceLevelTime < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(serviceLevelTime), serviceLevelTime, "the service level time is negative");
        int offered = 0, waits = 0, answered = 0, abandoned = 0, overflowed = 0, forwarded = 0, fallback = 0, busy = 0, announcement = 0, failed = 0, live = 0, withinLevel = 0;
        var waitTotal = TimeSpan.Zero;
        var longest = TimeSpan.Zero;
        foreach (var record in records)
        {
            if (from is { } f && record.EnteredAt < f || to is { } t && record.EnteredAt >= t) continue;
            offered++;
            if (record.AnsweredAt is { } connected)
            {
                // Answered once connected, whatever happened later (a parked call whose caller hung up was still answered).
                answered++;
                var wait = connected - record.EnteredAt;
                waits++;
                waitTotal += wait;
                if (wait > longest) longest = wait;
                if (wait <= serviceLevelTime) withinLevel++;
                continue;
            }
            switch (record.Disposition)
            {
                case null: live++; break;
                case CallDisposition.Abandoned: abandoned++; break;
                case CallDisposition.Overflow: overflowed++; break;
                case CallDisposition.Forwarded: forwarded++; break;
                case CallDisposition.Fallback: fallback++; break;
                case CallDisposition.Busy: busy++; break;
                case CallDisposition.Announcement: announcement++; break;
                default: failed++; break; // answered without a connection time cannot happen; failed and anything else
            }
            if (record.Disposition == CallDisposition.Abandoned && record.EndedAt is { } ended && ended - record.EnteredAt > longest)
                longest = ended - record.EnteredAt;
        }
        var average = waits == 0 ? TimeSpan.Zero : waitTotal / waits;
        return new CallStatistics(offered, answered, abandoned, overflowed, forwarded, fallback, busy, announcement, failed, live, average, longest, withinLevel, serviceLevelTime);
    }

    /// <summary>Statistics per number dialled (pilot number or personal line).</summary>
    public static IReadOnlyDictionary<E164Number, CallStatistics> ByNumber(IEnumerable<CallRecord> records, TimeSpan serviceLevelTime,
        DateTimeOffset? from = null, DateTimeOffset? to = null) =>
        records.GroupBy(r => r.Called).ToDictionary(g => g.Key, g => Of(g, serviceLevelTime, from, to));

    /// <summary>Statistics per attendant (the device a call was connected to): the calls each one answered.</summary>
    public static IReadOnlyDictionary<string, CallStatistics> ByAttendant(IEnumerable<CallRecord> records, TimeSpan serviceLevelTime,
        DateTimeOffset? from = null, DateTimeOffset? to = null) =>
        records.Where(r => r.AnsweredBy is not null).GroupBy(r => r.AnsweredBy!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Of(g, serviceLevelTime, from, to), StringComparer.Ordinal);
}
