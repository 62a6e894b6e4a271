using Concierge.Cps.Channels;

namespace Concierge.Cps.Tests.Channels;

public sealed class ChannelPoolTests
{
    [Fact]
    public void Alert_at_ninety_percent_and_overload_at_full_processing_share()
    {
        var pool = new ChannelPool(channels: 22, ratio: 1); // 10 processing, 12 operational
        var leases = Enumerable.Range(0, 8).Select(i => pool.TryAcquire(ChannelKind.Processing, $"c{i}")!).ToList();
        Assert.False(pool.IsAlerting);
        leases.Add(pool.TryAcquire(ChannelKind.Processing, "c8")!);
        Assert.True(pool.IsAlerting);
        Assert.False(pool.IsOverloaded);
        leases.Add(pool.TryAcquire(ChannelKind.Processing, "c9")!);
        Assert.True(pool.IsOverloaded);
        Assert.Null(pool.TryAcquire(ChannelKind.Processing, "one too many"));
        Assert.NotNull(pool.TryAcquire(ChannelKind.Operational, "attendant move"));
    }

    [Fact]
    public void Releasing_twice_is_an_invariant_violation()
    {
        var pool = new ChannelPool(10, 3);
        var lease = pool.TryAcquire(ChannelKind.Operational, "x")!;
        pool.Release(lease);
        Assert.Throws<CpsInvariantException>(() => pool.Release(lease));
    }
}
