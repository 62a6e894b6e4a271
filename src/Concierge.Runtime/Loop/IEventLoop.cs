namespace Concierge.Runtime.Loop;

/// <summary>The single thread of control an engine runs on: posted work and timers run here, one at a time.</summary>
public interface IEventLoop
{
    /// <summary>The loop's clock; timers created from it fire on this loop, never on the thread pool.</summary>
    TimeProvider Time { get; }

    /// <summary>Queues work to run on the loop after the work already queued for the current instant.</summary>
    void Post(Action work);
}
