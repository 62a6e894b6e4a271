using Concierge.Runtime.Randomness;

namespace Concierge.Csta.Session;

/// <summary>Capped exponential reconnect delays with optional seeded jitter; reset once a link is up.</summary>
public sealed class ReconnectBackoff(TimeSpan initialDelay, TimeSpan maxDelay, double jitterFraction, DeterministicRandom? random)
{
    private int _attempt;

    /// <summary>Failed attempts since the last reset.</summary>
    public int Attempt => _attempt;

    /// <summary>The delay before the next attempt; advances the attempt count.</summary>
    public TimeSpan NextDelay()
    {
        var exponent = Math.Min(_attempt, 30);
        var ticks = Math.Min((double)initialDelay.Ticks * Math.Pow(2, exponent), maxDelay.Ticks);
        _attempt++;
        var delay = TimeSpan.FromTicks((long)ticks);
        if (random is null || jitterFraction <= 0) return delay;
        return delay + random.NextDuration(TimeSpan.FromTicks((long)(delay.Ticks * jitterFraction)));
    }

    /// <summary>Starts again from the initial delay.</summary>
    public void Reset() => _attempt = 0;
}
