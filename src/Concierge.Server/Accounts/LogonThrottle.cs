namespace Concierge.Server.Accounts;

/// <summary>
/// Limits failed log-ons: after a key's limit of failures within <see cref="Window"/> (an account name:
/// <see cref="MaxFailuresPerAccount"/>; a remote address: <see cref="MaxFailuresPerRemote"/>) further attempts for
/// it are refused until the oldest of those failures is a window old. Thread-safe; at most <see cref="MaxKeys"/>
/// keys are tracked (the stalest are forgotten first).
/// </summary>
public sealed class LogonThrottle(TimeProvider time)
{
    /// <summary>Failures allowed per account within the window.</summary>
    public const int MaxFailuresPerAccount = 5;

    /// <summary>Failures allowed per remote address within the window (several people may share one).</summary>
    public const int MaxFailuresPerRemote = 20;

    private const int MaxFailures = MaxFailuresPerRemote;

    /// <summary>Keys tracked at most.</summary>
    public const int MaxKeys = 10_000;

    /// <summary>The window failures are counted in.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>How long an attempt for <paramref name="keys"/> (each with its limit) must wait; zero when none is blocked.</summary>
    public TimeSpan RetryAfter(params (string Key, int Limit)[] keys)
    {
        var now = time.GetUtcNow();
        var wait = TimeSpan.Zero;
        lock (_lock)
        {
            foreach (var (key, limit) in keys)
            {
                if (!_failures.TryGetValue(key, out var failures)) continue;
                Expire(failures, now);
                if (failures.Count >= limit) wait = Max(wait, failures.ElementAt(failures.Count - limit) + Window - now);
            }
        }
        return wait;
    }

    /// <summary>Counts a failed attempt against every key.</summary>
    public void Failed(params string[] keys)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            foreach (var key in keys)
            {
                if (!_failures.TryGetValue(key, out var failures))
                {
                    if (_failures.Count >= MaxKeys) Forget(now);
                    _failures[key] = failures = new Queue<DateTimeOffset>(MaxFailures);
                }
                Expire(failures, now);
                if (failures.Count >= MaxFailures) failures.Dequeue();
                failures.Enqueue(now);
            }
        }
    }

    /// <summary>A log-on succeeded: the account's failures are forgotten.</summary>
    public void Succeeded(string key)
    {
        lock (_lock) _failures.Remove(key);
    }

    private static void Expire(Queue<DateTimeOffset> failures, DateTimeOffset now)
    {
        while (failures.Count > 0 && failures.Peek() + Window <= now) failures.Dequeue();
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, failures) in _failures.ToList())
        {
            Expire(failures, now);
            if (failures.Count == 0) _failures.Remove(key);
        }
        if (_failures.Count < MaxKeys) return;
        var stalest = _failures.MinBy(f => f.Value.Last()).Key;
        _failures.Remove(stalest);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
