using Concierge.Cps.Node;
using Concierge.Server.Hosting;

namespace Concierge.Server.Tests.Hosting;

/// <summary>Reads asked for together run in one turn of the loop; a failing read or a stopped loop fails only what it must.</summary>
public sealed class BatchedReadsTests
{
    // A loop played by hand: turns are queued and run when the test says so.
    private sealed class HandLoop
    {
        public readonly List<Func<CpsNode, bool>> Turns = [];
        public Exception? Refuse;

        public Task<bool> Invoke(Func<CpsNode, bool> work)
        {
            if (Refuse is { } refused) return Task.FromException<bool>(refused);
            Turns.Add(work);
            return Task.FromResult(true);
        }

        public void RunAll()
        {
            var turns = Turns.ToList();
            Turns.Clear();
            foreach (var turn in turns) turn(null!);
        }
    }

    [Fact]
    public async Task A_hundred_reads_asked_for_before_the_loop_runs_take_one_turn()
    {
        var loop = new HandLoop();
        var reads = new BatchedReads(loop.Invoke);
        var asked = Enumerable.Range(0, 100).Select(i => reads.ReadAsync(_ => i * 2)).ToList();

        Assert.Single(loop.Turns);
        loop.RunAll();

        Assert.Equal(Enumerable.Range(0, 100).Select(i => i * 2), await Task.WhenAll(asked));
        var later = reads.ReadAsync(_ => "next");
        Assert.Single(loop.Turns); // a read after the turn schedules the next one
        loop.RunAll();
        Assert.Equal("next", await later);
    }

    [Fact]
    public async Task A_read_that_throws_fails_only_its_caller()
    {
        var loop = new HandLoop();
        var reads = new BatchedReads(loop.Invoke);
        var bad = reads.ReadAsync<int>(_ => throw new InvalidOperationException("no such desk"));
        var good = reads.ReadAsync(_ => 7);
        loop.RunAll();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => bad);
        Assert.Equal("no such desk", failure.Message);
        Assert.Equal(7, await good);
    }

    [Fact]
    public async Task When_the_loop_takes_no_more_work_every_waiting_read_fails_and_a_later_one_is_tried_again()
    {
        var loop = new HandLoop { Refuse = new ObjectDisposedException("loop") };
        var reads = new BatchedReads(loop.Invoke);

        await Assert.ThrowsAsync<ObjectDisposedException>(() => reads.ReadAsync(_ => 1).WaitAsync(TimeSpan.FromSeconds(5)));

        loop.Refuse = null;
        var again = reads.ReadAsync(_ => 2);
        loop.RunAll();
        Assert.Equal(2, await again);
    }
}
