namespace Concierge.Server.Accounts;

/// <summary>
/// Limits failed log-ons: after <see cref="MaxFailures"/> failures within <see cref="Window"/> for one key (an
/// account name, or a remote address) further attempts for it are refused until the oldest of those failures is a
/// window old. Thread-safe; at most <see cref="MaxKeys"/> keys are tracked (the stalest are forgotten first).
/// </summary>
public sealed class LogonThrottle(TimeProvider time)
{
    /// <summary>Failures allowed per key within the window.</summary>
    public const int MaxFailures = 5;

    /// <summary>Keys tracked at most.</summary>
    public const int MaxKeys = 10_000;

    /// <summary>The window failures are counted in.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>How long <paramref name="keys"/> must wait before another attempt; zero when none is blocked.</summary>
    public TimeSpan RetryAfter(params string[] keys)
    {
        var now = time.GetUtcNow();
        var wait = TimeSpan.Zero;
        lock (_lock)
        {
            foreach (var key in keys)
            {
                if (!_failures.TryGetValue(key, out var failures)) continue;
                Expire(failures, now);
                if (failures.Count >= MaxFailures) wait = Max(wait, failures.Peek() + Window - now);
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
