using Concierge.Config.Numbers;
using Concierge.Cps.Calls;
using Concierge.Cps.Records;
using Concierge.Cps.Statistics;
using FsCheck;
using FsCheck.Fluent;

namespace Concierge.Cps.Tests.Statistics;

public sealed class CallStatisticsCalculatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly E164Number Main = E164Number.Parse("+4950505803201");
    private static readonly E164Number Internal = E164Number.Parse("+4950505803202");
    private static readonly TimeSpan TwentySeconds = TimeSpan.FromSeconds(20);

    private static CallRecord Record(long id, E164Number called, double enteredS, double? answeredS, double? endedS, CallDisposition? disposition, string? by = "+4950505807580") =>
        CallRecord.Restore(id, "+4930111000" + id.ToString("00"), called, T0.AddSeconds(enteredS), CallType.Standard, "DEFAULT",
            answeredS is { } a ? T0.AddSeconds(a) : null, answeredS is null ? null : by, endedS is { } e ? T0.AddSeconds(e) : null, disposition);

    [Fact]
    public void Counts_waits_and_service_level_per_pilot_and_per_attendant()
    {
        CallRecord[] records =
        [
            Record(1, Main, 0, 10, 70, CallDisposition.Answered),
            Record(2, Main, 5, 35, 90, CallDisposition.Answered, "+4950505807581"),
            Record(3, Main, 6, null, 50, CallDisposition.Abandoned),
            Record(4, Main, 7, null, 127, CallDisposition.Overflow),
            Record(5, Internal, 8, null, null, null),
        ];
        var main = CallStatisticsCalculator.ByNumber(records, TwentySeconds)[Main];
        Assert.Equal((4, 2, 1, 1, 0), (main.Offered, main.Answered, main.Abandoned, main.Overflowed, main.StillLive));
        Assert.Equal(TimeSpan.FromSeconds(20), main.AverageWait);   // (10 + 30) / 2
        Assert.Equal(TimeSpan.FromSeconds(44), main.LongestWait);   // the abandoned call waited 44 s
        Assert.Equal(1, main.AnsweredWithinServiceLevel);
        Assert.Equal(25.0, main.ServiceLevelPercent); // 1 of the 4 calls no longer waiting

        var all = CallStatisticsCalculator.Of(records, TwentySeconds);
        Assert.Equal((5, 1), (all.Offered, all.StillLive));
        var byAttendant = CallStatisticsCalculator.ByAttendant(records, TwentySeconds);
        Assert.Equal(1, byAttendant["+4950505807580"].Answered);
        Assert.Equal(TimeSpan.FromSeconds(30), byAttendant["+4950505807581"].AverageWait);
    }

    [Fact]
    public void A_period_counts_the_calls_that_entered_in_it()
    {
        CallRecord[] records = [Record(1, Main, 0, 1, 2, CallDisposition.Answered), Record(2, Main, 3600, 3601, 3602, CallDisposition.Answered)];
        Assert.Equal(1, CallStatisticsCalculator.Of(records, TwentySeconds, T0, T0.AddHours(1)).Offered);
        Assert.Equal(1, CallStatisticsCalculator.Of(records, TwentySeconds, T0.AddHours(1)).Offered);
        Assert.Equal(CallStatistics.None(TwentySeconds), CallStatisticsCalculator.Of([], TwentySeconds));
    }

    [Fact]
    public void A_negative_service_level_time_and_an_inconsistent_record_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CallStatisticsCalculator.Of([], TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentException>(() => CallRecord.Restore(1, "x", Main, T0, CallType.Standard, "DEFAULT", null, null, T0, null));
        Assert.Throws<ArgumentException>(() => CallRecord.Restore(1, "x", Main, T0, CallType.Standard, "DEFAULT", T0.AddSeconds(-1), "a", null, null));
    }

    private static readonly CallDisposition?[] Outcomes =
        [null, CallDisposition.Answered, CallDisposition.Abandoned, CallDisposition.Busy, CallDisposition.Announcement, CallDisposition.Forwarded,
         CallDisposition.Overflow, CallDisposition.Fallback, CallDisposition.Failed];

    private static Gen<CallRecord> AnyRecord(long id) =>
        from entered in Gen.Choose(0, 3600)
        from wait in Gen.Choose(0, 300)
        from talk in Gen.Choose(0, 600)
        from outcome in Gen.Elements(Outcomes)
        select outcome == CallDisposition.Answered
            ? Record(id, Main, entered, entered + wait, entered + wait + talk, outcome)
            : Record(id, Main, entered, null, outcome is null ? null : entered + wait, outcome);

    [Fact]
    public void The_outcomes_add_up_to_the_calls_offered_and_the_waits_are_ordered()
    {
        var records = Gen.ArrayOf(AnyRecord(1));
        Prop.ForAll(records.ToArbitrary(), Gen.Choose(0, 120).ToArbitrary(), (calls, level) =>
        {
            var s = CallStatisticsCalculator.Of(calls, TimeSpan.FromSeconds(level));
            var sum = s.Answered + s.Abandoned + s.Overflowed + s.Forwarded + s.Fallback + s.Busy + s.Announcement + s.Failed + s.StillLive;
            return sum == s.Offered && s.Offered == calls.Length && s.AverageWait <= s.LongestWait
                   && s.AnsweredWithinServiceLevel <= s.Answered && s.ServiceLevelPercent is >= 0 and <= 100;
        }).QuickCheckThrowOnFailure();
    }
}
