namespace Concierge.Server.Hosting;

/// <summary>
/// Tells the attendant event streams that something on the desk changed: the engine's notifications (calls,
/// attendants, channel alert) signal it on the loop; each stream awaits <see cref="Next"/> and then reads a fresh
/// snapshot, so a burst of changes costs one snapshot per stream. Thread-safe.
/// </summary>
public sealed class DeskChanges
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next change after it was read.</summary>
    public Task Next
    {
        get
        {
            lock (_lock) return _next.Task;
        }
    }

    /// <summary>Changes signalled so far.</summary>
    public long Count { get; private set; }

    /// <summary>Something changed.</summary>
    public void Signal()
    {
        TaskCompletionSource done;
        lock (_lock)
        {
            Count++;
            done = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        done.TrySetResult();
    }
}
