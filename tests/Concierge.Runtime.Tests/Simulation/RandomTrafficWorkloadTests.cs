using Concierge.Runtime.Simulation;

namespace Concierge.Runtime.Tests.Simulation;

public sealed class RandomTrafficWorkloadTests
{
    [Fact]
    public void The_same_seed_gives_the_same_trace_hash()
    {
        var first = RandomTrafficWorkload.Execute(seed: 1234, datagrams: 5_000);
        var second = RandomTrafficWorkload.Execute(seed: 1234, datagrams: 5_000);

        Assert.Equal(first.TraceHash, second.TraceHash);
        Assert.Equal(first.TraceRecords, second.TraceRecords);
        Assert.True(first.TraceRecords > 5_000, $"the workload should trace its traffic, made {first.TraceRecords} records");
    }

    [Fact]
    public void Different_seeds_give_different_hashes()
    {
        var hashes = Enumerable.Range(1, 5).Select(seed => RandomTrafficWorkload.Run((ulong)seed, datagrams: 2_000)).ToHashSet();
        Assert.Equal(5, hashes.Count);
    }

    [Fact]
    public void The_workload_exercises_loss_duplication_cuts_crashes_and_streams()
    {
        var result = RandomTrafficWorkload.Execute(seed: 77, datagrams: 20_000);
        var c = result.Counters;

        Assert.True(c.DatagramsLost > 0, "loss");
        Assert.True(c.DatagramsDuplicated > 0, "duplication");
        Assert.True(c.DatagramsDroppedByCut > 0, "cut");
        Assert.True(c.DatagramsDroppedByCrash + c.DatagramsUnreachable > 0, "crash");
        Assert.True(c.StreamBytesDelivered > 0, "streams");
        Assert.True(c.ConnectionsLost > 0, "a stream broken by the cut or the crash");
    }
}
