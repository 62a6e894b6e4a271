using Concierge.Runtime.Time;
using FsCheck;
using FsCheck.Fluent;

namespace Concierge.Runtime.Tests.Time;

public sealed class VirtualTimeProviderTests
{
    private static readonly TimeSpan Never = Timeout.InfiniteTimeSpan;

    [Fact]
    public void Timers_due_at_the_same_instant_fire_in_creation_order()
    {
        var clock = new VirtualTimeProvider();
        var fired = new List<string>();
        foreach (var name in new[] { "a", "b", "c", "d" })
            clock.CreateTimer(_ => fired.Add(name), null, TimeSpan.FromSeconds(1), Never);

        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(["a", "b", "c", "d"], fired);
    }

    [Fact]
    public void Timers_fire_by_due_time_before_creation_order()
    {
        var clock = new VirtualTimeProvider();
        var fired = new List<string>();
        clock.CreateTimer(_ => fired.Add("late"), null, TimeSpan.FromSeconds(3), Never);
        clock.CreateTimer(_ => fired.Add("early"), null, TimeSpan.FromSeconds(1), Never);
        clock.CreateTimer(_ => fired.Add("middle"), null, TimeSpan.FromSeconds(2), Never);

        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(["early", "middle", "late"], fired);
    }

    [Fact]
    public void Property_timers_fire_sorted_by_due_time_then_creation_order()
    {
        Prop.ForAll(Gen.ListOf(Gen.Choose(0, 50)).ToArbitrary(), dueSeconds =>
        {
            var clock = new VirtualTimeProvider();
            var fired = new List<(int Due, int Index)>();
            for (var i = 0; i < dueSeconds.Count; i++)
            {
                var entry = (dueSeconds[i], i);
                clock.CreateTimer(_ => fired.Add(entry), null, TimeSpan.FromSeconds(dueSeconds[i]), Never);
            }
            clock.Advance(TimeSpan.FromSeconds(60));
            var expected = fired.OrderBy(f => f.Due).ThenBy(f => f.Index).ToList();
            return fired.Count == dueSeconds.Count && fired.SequenceEqual(expected);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_periodic_timer_fires_once_per_period_across_one_long_advance_seeing_its_own_due_time()
    {
        // FakeTimeProvider faults dotnet/extensions#3995 and #5722: one callback for a long jump, and the callback
        // seeing the end of the jump instead of its own due time.
        var clock = new VirtualTimeProvider();
        var start = clock.GetUtcNow();
        var seen = new List<TimeSpan>();
        clock.CreateTimer(_ => seen.Add(clock.GetUtcNow() - start), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        clock.Advance(TimeSpan.FromSeconds(5.5));

        Assert.Equal([1, 2, 3, 4, 5], seen.Select(s => s.TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(5.5), clock.GetUtcNow() - start);
    }

    [Fact]
    public void Advancing_from_inside_a_callback_makes_forward_progress()
    {
        // FakeTimeProvider fault dotnet/extensions#4275 (and #6810): moving time inside a timer callback stalled.
        var clock = new VirtualTimeProvider();
        var start = clock.GetUtcNow();
        var count = 0;
        clock.CreateTimer(_ =>
        {
            if (++count < 10) clock.Advance(TimeSpan.FromSeconds(1));
        }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(10, count);
        Assert.Equal(TimeSpan.FromSeconds(10), clock.GetUtcNow() - start);
    }

    [Fact]
    public void Change_from_inside_the_callback_reschedules_the_timer()
    {
        var clock = new VirtualTimeProvider();
        var start = clock.GetUtcNow();
        var seen = new List<double>();
        ITimer? timer = null;
        timer = clock.CreateTimer(_ =>
        {
            seen.Add((clock.GetUtcNow() - start).TotalSeconds);
            if (seen.Count < 3) timer!.Change(TimeSpan.FromSeconds(2), Never);
        }, null, TimeSpan.FromSeconds(1), Never);

        clock.Advance(TimeSpan.FromSeconds(20));

        Assert.Equal([1, 3, 5], seen);
    }

    [Fact]
    public void Change_of_a_periodic_timer_from_inside_its_callback_replaces_the_period()
    {
        var clock = new VirtualTimeProvider();
        var start = clock.GetUtcNow();
        var seen = new List<double>();
        ITimer? timer = null;
        timer = clock.CreateTimer(_ =>
        {
            seen.Add((clock.GetUtcNow() - start).TotalSeconds);
            if (seen.Count == 2) timer!.Change(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
        }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        clock.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal([1, 2, 12, 22], seen);
    }

    [Fact]
    public void Dispose_from_inside_the_callback_stops_a_periodic_timer()
    {
        var clock = new VirtualTimeProvider();
        var count = 0;
        ITimer? timer = null;
        timer = clock.CreateTimer(_ =>
        {
            if (++count == 3) timer!.Dispose();
        }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        clock.Advance(TimeSpan.FromSeconds(100));

        Assert.Equal(3, count);
    }

    [Fact]
    public void A_callback_can_dispose_another_timer_due_at_the_same_instant()
    {
        var clock = new VirtualTimeProvider();
        var fired = new List<string>();
        ITimer? second = null;
        clock.CreateTimer(_ => { fired.Add("first"); second!.Dispose(); }, null, TimeSpan.FromSeconds(1), Never);
        second = clock.CreateTimer(_ => fired.Add("second"), null, TimeSpan.FromSeconds(1), Never);

        clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(["first"], fired);
    }

    [Fact]
    public void Callbacks_run_on_the_advancing_thread_never_the_thread_pool()
    {
        var clock = new VirtualTimeProvider();
        var testThread = Environment.CurrentManagedThreadId;
        var threads = new List<int>();
        clock.CreateTimer(_ => threads.Add(Environment.CurrentManagedThreadId), null, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1));

        clock.Advance(TimeSpan.FromMilliseconds(50));

        Assert.Equal(50, threads.Count);
        Assert.All(threads, id => Assert.Equal(testThread, id));
    }

    [Fact]
    public void A_timer_created_inside_a_callback_for_zero_delay_runs_within_the_same_advance()
    {
        var clock = new VirtualTimeProvider();
        var fired = new List<string>();
        clock.CreateTimer(_ =>
        {
            fired.Add("outer");
            clock.CreateTimer(_ => fired.Add("inner"), null, TimeSpan.Zero, Never);
        }, null, TimeSpan.FromSeconds(1), Never);

        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(["outer", "inner"], fired);
    }

    [Fact]
    public void Timestamps_follow_virtual_time()
    {
        var clock = new VirtualTimeProvider();
        var t0 = clock.GetTimestamp();
        clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(TimeSpan.FromMinutes(3), clock.GetElapsedTime(t0));
    }

    [Fact]
    public void Time_cannot_go_backwards()
    {
        var clock = new VirtualTimeProvider();
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.AdvanceTo(clock.GetUtcNow().AddTicks(-1)));
    }

    [Fact]
    public void Infinite_due_time_leaves_a_timer_unarmed_and_change_arms_it()
    {
        var clock = new VirtualTimeProvider();
        var count = 0;
        var timer = clock.CreateTimer(_ => count++, null, Never, Never);
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, count);
        Assert.True(timer.Change(TimeSpan.FromSeconds(1), Never));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, count);
        timer.Dispose();
        Assert.False(timer.Change(TimeSpan.FromSeconds(1), Never));
    }

    [Fact]
    public void Task_delay_on_the_virtual_clock_completes_when_time_is_advanced()
    {
        var clock = new VirtualTimeProvider();
        var delay = Task.Delay(TimeSpan.FromSeconds(5), clock);
        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.False(delay.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(delay.IsCompleted);
    }
}
