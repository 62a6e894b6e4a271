namespace Concierge.Runtime.Time;

/// <summary>Something the virtual timeline runs when its due time comes (a timer, a posted action, a delivery).</summary>
public interface IScheduledWork
{
    /// <summary>Runs the work; the clock already shows its due time.</summary>
    void Run();
}
