using Concierge.Runtime.Time;

namespace Concierge.Runtime.Loop;

/// <summary>
/// The event loop of the simulated world: one virtual clock, one queue of work, run on the caller's thread by
/// jumping from one due item to the next.
/// </summary>
public sealed class SimulatedEventLoop : IEventLoop
{
    private readonly VirtualTimeProvider _clock;

    /// <summary>Creates a loop on a fresh virtual clock.</summary>
    /// <param name="epoch">Start of the timeline; default <see cref="VirtualTimeProvider.DefaultEpoch"/>.</param>
    /// <param name="stepLimit">Most items one Run call may execute before it fails as a runaway loop.</param>
    public SimulatedEventLoop(DateTimeOffset? epoch = null, long stepLimit = 50_000_000)
    {
        if (stepLimit <= 0) throw new ArgumentOutOfRangeException(nameof(stepLimit), stepLimit, "must be positive");
        _clock = new VirtualTimeProvider(epoch);
        StepLimit = stepLimit;
    }

    /// <summary>The virtual clock behind this loop.</summary>
    public VirtualTimeProvider Clock => _clock;

    /// <inheritdoc />
    public TimeProvider Time => _clock;

    /// <summary>Most items one Run call may execute.</summary>
    public long StepLimit { get; set; }

    /// <summary>The current virtual time.</summary>
    public DateTimeOffset Now => _clock.GetUtcNow();

    /// <inheritdoc />
    public void Post(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        _clock.ScheduleAt(_clock.NowTicks, new PostedWork(work));
    }

    /// <summary>Runs until nothing is scheduled any more. Periodic timers never let a loop go idle: use RunFor.</summary>
    /// <returns>The number of items run.</returns>
    public long RunUntilIdle()
    {
        long steps = 0;
        while (_clock.RunNext(long.MaxValue)) CountStep(ref steps);
        return steps;
    }

    /// <summary>Runs everything due within <paramref name="duration"/> and leaves the clock at its end.</summary>
    public long RunFor(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(duration), duration, "must be non-negative");
        return RunUntilTime(Now + duration);
    }

    /// <summary>Runs everything due up to <paramref name="target"/> and leaves the clock there.</summary>
    public long RunUntilTime(DateTimeOffset target)
    {
        var limit = target.UtcTicks;
        if (limit < _clock.NowTicks) throw new ArgumentOutOfRangeException(nameof(target), target, $"virtual time is already {Now:O}");
        long steps = 0;
        while (_clock.RunNext(limit)) CountStep(ref steps);
        _clock.AdvanceTo(target);
        return steps;
    }

    /// <summary>
    /// Runs until <paramref name="condition"/> holds (checked before the first step and after every step) or
    /// <paramref name="timeout"/> of virtual time has passed. On success the clock stays at the instant the
    /// condition became true; on timeout it stands at the end of the window.
    /// </summary>
    public bool RunUntil(Func<bool> condition, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = (Now + timeout).UtcTicks;
        if (condition()) return true;
        long steps = 0;
        while (_clock.RunNext(limit))
        {
            CountStep(ref steps);
            if (condition()) return true;
        }
        _clock.AdvanceTo(new DateTimeOffset(limit, TimeSpan.Zero));
        return condition();
    }

    private void CountStep(ref long steps)
    {
        if (++steps > StepLimit) throw new SimulationStepLimitExceededException(StepLimit, Now);
    }

    private sealed class PostedWork(Action work) : IScheduledWork
    {
        public void Run() => work();
    }
}
