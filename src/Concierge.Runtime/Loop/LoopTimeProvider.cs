namespace Concierge.Runtime.Loop;

/// <summary>A real clock whose timer callbacks are posted to an event loop instead of running on the thread pool.</summary>
internal sealed class LoopTimeProvider(TimeProvider inner, IEventLoop loop) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var posting = new PostingCallback(loop, callback, state);
        return inner.CreateTimer(static s => ((PostingCallback)s!).Fire(), posting, dueTime, period);
    }

    private sealed class PostingCallback(IEventLoop loop, TimerCallback callback, object? state)
    {
        public void Fire() => loop.Post(() => callback(state));
    }
}
