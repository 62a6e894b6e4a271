using BenchmarkDotNet.Attributes;
using Concierge.Runtime.Loop;

namespace Concierge.Benchmarks.Runtime;

/// <summary>Timer events per second through the simulated loop: 1,000 periodic timers, 100,000 firings per invoke.</summary>
[MemoryDiagnoser]
public class SimulatedLoopTimerBenchmark
{
    private const int Timers = 1_000;
    private const int FiringsPerInvoke = 100_000;
    private SimulatedEventLoop _loop = null!;
    private long _fired;

    /// <summary>Creates the loop and its timers (periods 10 ms, phases spread over the period).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _loop = new SimulatedEventLoop(stepLimit: long.MaxValue);
        for (var i = 0; i < Timers; i++)
        {
            var timer = _loop.Time.CreateTimer(_ => _fired++, null, TimeSpan.FromMicroseconds(10 * (i + 1)), TimeSpan.FromMilliseconds(10));
            GC.KeepAlive(timer);
        }
    }

    /// <summary>One virtual second: every timer fires 100 times.</summary>
    [Benchmark(OperationsPerInvoke = FiringsPerInvoke)]
    public long FireTimers()
    {
        _loop.RunFor(TimeSpan.FromSeconds(1));
        return _fired;
    }
}
