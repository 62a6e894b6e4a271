namespace Concierge.Cps.Statistics;

/// <summary>
/// Call data for a pilot number, a personal line or an attendant over a period (C 2.1): how many calls came and how they
/// ended, how long callers waited, and the service level (calls answered within <see cref="ServiceLevelTime"/>).
/// </summary>
/// <param name="Offered">Calls that reached the CPS in the period.</param>
/// <param name="Answered">Connected to an attendant (or a transfer or paging target), live or ended.</param>
/// <param name="Abandoned">The caller hung up before being connected.</param>
/// <param name="Overflowed">Sent to the time overflow variant.</param>
/// <param name="Forwarded">Forwarded by a night variant or on overload.</param>
/// <param name="Fallback">Taken by the PBX's fallback while the CPS could not take them.</param>
/// <param name="Busy">Refused with busy (overload, a busy variant).</param>
/// <param name="Announcement">Ended with an announcement (a night variant).</param>
/// <param name="Failed">Lost to a failure (the CPS holding them went down, no channel).</param>
/// <param name="StillLive">Not ended and not yet connected (still waiting).</param>
/// <param name="AverageWait">Mean time from arrival to connection, over the answered calls (zero without any).</param>
/// <param name="LongestWait">Longest wait of an answered or abandoned call.</param>
/// <param name="AnsweredWithinServiceLevel">Answered calls connected within <see cref="ServiceLevelTime"/>.</param>
/// <param name="ServiceLevelTime">The service level threshold.</param>
public sealed record CallStatistics(
    int Offered, int Answered, int Abandoned, int Overflowed, int Forwarded, int Fallback, int Busy, int Announcement, int Failed, int StillLive,
    TimeSpan AverageWait, TimeSpan LongestWait, int AnsweredWithinServiceLevel, TimeSpan ServiceLevelTime)
{
    /// <summary>Answered within the service level time, in percent of the calls offered that are no longer waiting (100 without any).</summary>
    public double ServiceLevelPercent => Offered - StillLive == 0 ? 100.0 : 100.0 * AnsweredWithinServiceLevel / (Offered - StillLive);

    /// <summary>The service level time used unless one is asked for: 20 s, a common call-centre target.</summary>
    public static readonly TimeSpan DefaultServiceLevelTime = TimeSpan.FromSeconds(20);

    /// <summary>Statistics of no calls.</summary>
    public static CallStatistics None(TimeSpan serviceLevelTime) => new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, TimeSpan.Zero, TimeSpan.Zero, 0, serviceLevelTime);

    /// <summary>One line for reports and failure messages.</summary>
    public string Describe() =>
        $"{Offered} offered, {Answered} answered, {Abandoned} abandoned, {Overflowed} overflowed, {Forwarded} forwarded, {Fallback} fallback, " +
        $"{Busy} busy, {Announcement} announcement, {Failed} failed, {StillLive} live; average wait {AverageWait.TotalSeconds:0.#} s, " +
        $"longest {LongestWait.TotalSeconds:0.#} s, service level {ServiceLevelPercent:0.#} % within {ServiceLevelTime.TotalSeconds:0.#} s";
}
