using System.Collections.Concurrent;

namespace Concierge.Runtime.Loop;

/// <summary>
/// The event loop of the real world: one dedicated thread runs posted work and timer callbacks in order, on the
/// system clock. Socket threads hand their input to it with <see cref="Post"/>.
/// </summary>
public sealed class RealEventLoop : IEventLoop, IDisposable
{
    private readonly BlockingCollection<Action> _work = new(new ConcurrentQueue<Action>());
    private readonly Thread _thread;
    private readonly Action<Exception> _onError;

    /// <summary>Starts the loop thread.</summary>
    /// <param name="name">Thread name, for diagnostics.</param>
    /// <param name="onError">Told about exceptions thrown by work items; the loop keeps running.</param>
    /// <param name="clock">The clock; default <see cref="TimeProvider.System"/>.</param>
    public RealEventLoop(string name = "concierge-loop", Action<Exception>? onError = null, TimeProvider? clock = null)
    {
        _onError = onError ?? (_ => { });
        Time = new LoopTimeProvider(clock ?? TimeProvider.System, this);
        _thread = new Thread(Run) { Name = name, IsBackground = true };
        _thread.Start();
    }

    /// <inheritdoc />
    public TimeProvider Time { get; }

    /// <summary>True when called from the loop thread.</summary>
    public bool IsOnLoopThread => Thread.CurrentThread == _thread;

    /// <inheritdoc />
    public void Post(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            _work.Add(work);
        }
        catch (InvalidOperationException)
        {
            // The loop was stopped; late socket input is dropped.
        }
    }

    /// <summary>Runs <paramref name="work"/> on the loop and waits for its result (for hosts and tests).</summary>
    public Task<T> InvokeAsync<T>(Func<T> work)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(() =>
        {
            try { completion.SetResult(work()); }
            catch (Exception ex) { completion.SetException(ex); }
        });
        return completion.Task;
    }

    /// <summary>Stops taking work, lets queued work finish and joins the thread.</summary>
    public void Dispose()
    {
        _work.CompleteAdding();
        if (!IsOnLoopThread) _thread.Join();
    }

    private void Run()
    {
        foreach (var work in _work.GetConsumingEnumerable())
        {
            try
            {
                work();
            }
            catch (Exception ex)
            {
                _onError(ex);
            }
        }
    }
}
