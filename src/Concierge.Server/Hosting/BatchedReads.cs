using System.Collections.Concurrent;
using Concierge.Cps.Node;

namespace Concierge.Server.Hosting;

/// <summary>
/// Reads of the node that many sessions ask for at the same moment — every open event stream reads its desk's
/// snapshot after a change — are run together in one turn of the loop instead of one turn each, so a command posted
/// meanwhile waits behind one turn, not behind a hundred. A read that throws fails only its own caller.
/// </summary>
public sealed class BatchedReads(Func<Func<CpsNode, bool>, Task<bool>> invoke)
{
    private readonly ConcurrentQueue<Pending> _pending = new();
    private int _scheduled;

    private sealed record Pending(Action<CpsNode> Read, Action<Exception> Fail);

    /// <summary>Runs <paramref name="read"/> on the loop, in the next batch of reads.</summary>
    public Task<T> ReadAsync<T>(Func<CpsNode, T> read)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending.Enqueue(new Pending(node => done.TrySetResult(read(node)), e => done.TrySetException(e)));
        if (Interlocked.Exchange(ref _scheduled, 1) == 0) Schedule();
        return done.Task;
    }

    private void Schedule()
    {
        Task<bool> turn;
        try
        {
            turn = invoke(Drain);
        }
        catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException)
        {
            FailAll(e);
            return;
        }
        turn.ContinueWith(t => FailAll(t.Exception?.GetBaseException() ?? new OperationCanceledException("the loop stopped")),
            CancellationToken.None, TaskContinuationOptions.NotOnRanToCompletion, TaskScheduler.Default);
    }

    private bool Drain(CpsNode node)
    {
        // Cleared first: a read queued from now on schedules the next turn itself.
        Volatile.Write(ref _scheduled, 0);
        while (_pending.TryDequeue(out var pending))
        {
            try
            {
                pending.Read(node);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                pending.Fail(e);
            }
        }
        return true;
    }

    private void FailAll(Exception reason)
    {
        Volatile.Write(ref _scheduled, 0);
        while (_pending.TryDequeue(out var pending)) pending.Fail(reason);
    }
}
