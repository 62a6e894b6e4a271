namespace Concierge.Runtime.Loop;

/// <summary>Scheduling shorthands over <see cref="IEventLoop.Time"/>.</summary>
public static class EventLoopExtensions
{
    /// <summary>Runs <paramref name="work"/> once on the loop after <paramref name="delay"/>; dispose the timer to cancel.</summary>
    public static ITimer ScheduleAfter(this IEventLoop loop, TimeSpan delay, Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (delay < TimeSpan.Zero) delay = TimeSpan.Zero;
        return loop.Time.CreateTimer(static state => ((Action)state!)(), work, delay, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Runs <paramref name="work"/> on the loop every <paramref name="period"/>, first after one period.</summary>
    public static ITimer ScheduleEvery(this IEventLoop loop, TimeSpan period, Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (period <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(period), period, "period must be positive");
        return loop.Time.CreateTimer(static state => ((Action)state!)(), work, period, period);
    }

    /// <summary>The loop's current time.</summary>
    public static DateTimeOffset Now(this IEventLoop loop) => loop.Time.GetUtcNow();
}
