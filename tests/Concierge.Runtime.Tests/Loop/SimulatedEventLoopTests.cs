using Concierge.Runtime.Loop;

namespace Concierge.Runtime.Tests.Loop;

public sealed class SimulatedEventLoopTests
{
    [Fact]
    public void Posted_work_runs_in_order_before_later_timers()
    {
        var loop = new SimulatedEventLoop();
        var order = new List<string>();
        loop.ScheduleAfter(TimeSpan.FromMilliseconds(1), () => order.Add("timer"));
        loop.Post(() => order.Add("first"));
        loop.Post(() => { order.Add("second"); loop.Post(() => order.Add("third")); });

        loop.RunUntilIdle();

        Assert.Equal(["first", "second", "third", "timer"], order);
    }

    [Fact]
    public void RunFor_leaves_the_clock_at_the_end_of_the_window()
    {
        var loop = new SimulatedEventLoop();
        var start = loop.Now;
        var fired = 0;
        loop.ScheduleEvery(TimeSpan.FromSeconds(1), () => fired++);

        loop.RunFor(TimeSpan.FromSeconds(10.5));

        Assert.Equal(10, fired);
        Assert.Equal(TimeSpan.FromSeconds(10.5), loop.Now - start);
    }

    [Fact]
    public void RunUntil_stops_at_the_instant_the_condition_becomes_true()
    {
        var loop = new SimulatedEventLoop();
        var start = loop.Now;
        var ticks = 0;
        loop.ScheduleEvery(TimeSpan.FromSeconds(2), () => ticks++);

        var held = loop.RunUntil(() => ticks == 3, TimeSpan.FromMinutes(1));

        Assert.True(held);
        Assert.Equal(TimeSpan.FromSeconds(6), loop.Now - start);
    }

    [Fact]
    public void RunUntil_reports_false_and_stands_at_the_end_of_the_window_on_timeout()
    {
        var loop = new SimulatedEventLoop();
        var start = loop.Now;

        var held = loop.RunUntil(() => false, TimeSpan.FromSeconds(5));

        Assert.False(held);
        Assert.Equal(TimeSpan.FromSeconds(5), loop.Now - start);
    }

    [Fact]
    public void A_runaway_loop_hits_the_step_limit_with_a_clear_error()
    {
        var loop = new SimulatedEventLoop(stepLimit: 1000);
        void Again() => loop.Post(Again);
        loop.Post(Again);

        var error = Assert.Throws<SimulationStepLimitExceededException>(() => loop.RunUntilIdle());

        Assert.Contains("step limit of 1000", error.Message);
    }

    [Fact]
    public void Cancelled_timers_do_not_run()
    {
        var loop = new SimulatedEventLoop();
        var fired = false;
        var timer = loop.ScheduleAfter(TimeSpan.FromSeconds(1), () => fired = true);
        timer.Dispose();

        loop.RunUntilIdle();

        Assert.False(fired);
    }
}
