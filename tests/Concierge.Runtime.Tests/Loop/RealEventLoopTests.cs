using Concierge.Runtime.Loop;

namespace Concierge.Runtime.Tests.Loop;

public sealed class RealEventLoopTests
{
    [Fact]
    public async Task Posted_work_and_timer_callbacks_run_in_order_on_the_loop_thread()
    {
        using var loop = new RealEventLoop("test-loop");
        var loopThread = await loop.InvokeAsync(() => Environment.CurrentManagedThreadId);
        var order = new List<int>();
        for (var i = 0; i < 100; i++)
        {
            var n = i;
            loop.Post(() => order.Add(n));
        }
        var timerThread = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        loop.ScheduleAfter(TimeSpan.FromMilliseconds(20), () => timerThread.SetResult(Environment.CurrentManagedThreadId));

        var firedOn = await timerThread.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var seen = await loop.InvokeAsync(() => order.ToList());

        Assert.Equal(loopThread, firedOn);
        Assert.Equal(Enumerable.Range(0, 100), seen);
    }

    [Fact]
    public async Task An_exception_in_a_work_item_is_reported_and_the_loop_keeps_running()
    {
        var errors = new List<Exception>();
        using var loop = new RealEventLoop(onError: errors.Add);
        loop.Post(() => throw new InvalidOperationException("boom"));

        var after = await loop.InvokeAsync(() => 42);

        Assert.Equal(42, after);
        Assert.Single(errors);
    }

    [Fact]
    public async Task A_timer_nobody_keeps_a_reference_to_still_fires_after_garbage_collections()
    {
        using var loop = new RealEventLoop("gc-loop");
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        StartForgottenTimer(loop, fired, TimeSpan.FromMilliseconds(300));
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        await fired.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void StartForgottenTimer(RealEventLoop loop, TaskCompletionSource fired, TimeSpan due) =>
        loop.Time.CreateTimer(_ => fired.TrySetResult(), null, due, Timeout.InfiniteTimeSpan);
}
