using System.Diagnostics;

namespace Concierge.Runtime.Time;

/// <summary>
/// A <see cref="TimeProvider"/> on a virtual timeline. Nothing moves until the owner advances it; work due at
/// the same instant runs in the order it was scheduled, and the clock shows each item's own due time while it runs.
/// </summary>
public sealed class VirtualTimeProvider : TimeProvider
{
    /// <summary>The default start of every simulated world: a Monday, 08:00 UTC.</summary>
    public static readonly DateTimeOffset DefaultEpoch = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    private readonly PriorityQueue<ScheduledEntry, ScheduleKey> _queue = new();
    private readonly long _epochTicks;
    private long _nowTicks;
    private long _nextSequence;
    private long _executed;

    /// <summary>Creates a clock that starts at <paramref name="epoch"/> (default <see cref="DefaultEpoch"/>).</summary>
    public VirtualTimeProvider(DateTimeOffset? epoch = null)
    {
        var start = (epoch ?? DefaultEpoch).ToUniversalTime();
        _epochTicks = start.UtcTicks;
        _nowTicks = start.UtcTicks;
    }

    /// <summary>The instant the timeline started at.</summary>
    public DateTimeOffset Epoch => new(_epochTicks, TimeSpan.Zero);

    /// <summary>Virtual time elapsed since <see cref="Epoch"/>.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(_nowTicks - _epochTicks);

    /// <summary>How many scheduled items have run so far.</summary>
    public long ExecutedCount => _executed;

    /// <summary>How many entries wait in the queue (cancelled timers included until they surface).</summary>
    public int PendingCount => _queue.Count;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => new(_nowTicks, TimeSpan.Zero);

    /// <inheritdoc />
    public override long GetTimestamp() => _nowTicks - _epochTicks;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Schedules <paramref name="work"/> at <paramref name="dueTicks"/> (UTC ticks); earlier than now means now.</summary>
    public void ScheduleAt(long dueTicks, IScheduledWork work, long version = 0)
    {
        if (dueTicks < _nowTicks) dueTicks = _nowTicks;
        _queue.Enqueue(new ScheduledEntry(work, version), new ScheduleKey(dueTicks, _nextSequence++));
    }

    /// <summary>Schedules <paramref name="work"/> after <paramref name="delay"/> from now.</summary>
    public void ScheduleAfter(TimeSpan delay, IScheduledWork work) =>
        ScheduleAt(_nowTicks + Math.Max(0, delay.Ticks), work);

    /// <summary>The due time of the earliest live entry, or null when nothing is scheduled.</summary>
    public DateTimeOffset? NextDueTime
    {
        get
        {
            DropCancelledHead();
            return _queue.TryPeek(out _, out var key) ? new DateTimeOffset(key.DueTicks, TimeSpan.Zero) : null;
        }
    }

    /// <summary>Runs the earliest entry if it is due at or before <paramref name="limitTicks"/>; false when none is.</summary>
    public bool RunNext(long limitTicks)
    {
        while (_queue.TryPeek(out var entry, out var key))
        {
            if (key.DueTicks > limitTicks) return false;
            _queue.Dequeue();
            if (entry.Work is VirtualTimer timer && !timer.IsCurrent(entry.Version)) continue;
            Debug.Assert(key.DueTicks >= _nowTicks, "virtual time never goes backwards");
            _nowTicks = key.DueTicks;
            _executed++;
            entry.Work.Run();
            return true;
        }
        return false;
    }

    /// <summary>Moves time forward by <paramref name="delta"/>, running everything that falls due on the way.</summary>
    public void Advance(TimeSpan delta)
    {
        if (delta < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(delta), delta, "virtual time cannot go backwards");
        AdvanceTo(new DateTimeOffset(_nowTicks + delta.Ticks, TimeSpan.Zero));
    }

    /// <summary>Moves time forward to <paramref name="target"/>, running everything that falls due on the way.</summary>
    public void AdvanceTo(DateTimeOffset target)
    {
        var limit = target.UtcTicks;
        if (limit < _nowTicks) throw new ArgumentOutOfRangeException(nameof(target), target, $"virtual time is already {GetUtcNow():O}");
        while (RunNext(limit)) { }
        // A callback may itself have advanced the clock further (re-entrant Advance); time never goes back.
        _nowTicks = Math.Max(_nowTicks, limit);
    }

    private void DropCancelledHead()
    {
        while (_queue.TryPeek(out var entry, out _) && entry.Work is VirtualTimer timer && !timer.IsCurrent(entry.Version))
            _queue.Dequeue();
    }

    internal long NowTicks => _nowTicks;

    private readonly record struct ScheduledEntry(IScheduledWork Work, long Version);

    private readonly record struct ScheduleKey(long DueTicks, long Sequence) : IComparable<ScheduleKey>
    {
        public int CompareTo(ScheduleKey other)
        {
            var byTime = DueTicks.CompareTo(other.DueTicks);
            return byTime != 0 ? byTime : Sequence.CompareTo(other.Sequence);
        }
    }

    /// <summary>A timer on the virtual timeline; re-arming or disposing bumps its version so stale entries are skipped.</summary>
    private sealed class VirtualTimer : ITimer, IScheduledWork
    {
        private readonly VirtualTimeProvider _owner;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private long _version;
        private long _periodTicks;
        private long _dueTicks;
        private bool _disposed;

        public VirtualTimer(VirtualTimeProvider owner, TimerCallback callback, object? state)
        {
            _owner = owner;
            _callback = callback;
            _state = state;
        }

        public bool IsCurrent(long version) => !_disposed && version == _version;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (_disposed) return false;
            ValidateSpan(dueTime, nameof(dueTime));
            ValidateSpan(period, nameof(period));
            _version++;
            _periodTicks = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? 0 : period.Ticks;
            if (dueTime == Timeout.InfiniteTimeSpan) return true;
            _dueTicks = _owner.NowTicks + dueTime.Ticks;
            _owner.ScheduleAt(_dueTicks, this, _version);
            return true;
        }

        public void Run()
        {
            if (_periodTicks > 0)
            {
                // Re-arm before the callback so that a Change or Dispose inside it wins over the period.
                _dueTicks += _periodTicks;
                _owner.ScheduleAt(_dueTicks, this, _version);
            }
            _callback(_state);
        }

        public void Dispose()
        {
            _disposed = true;
            _version++;
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private static void ValidateSpan(TimeSpan span, string name)
        {
            if (span < TimeSpan.Zero && span != Timeout.InfiniteTimeSpan)
                throw new ArgumentOutOfRangeException(name, span, "must be non-negative or Timeout.InfiniteTimeSpan");
        }
    }
}
