namespace Concierge.Cps.Channels;

/// <summary>One channel taken from the pool; give it back exactly once with <see cref="ChannelPool.Release"/>.</summary>
public sealed class ChannelLease
{
    internal ChannelLease(long id, ChannelKind kind, string purpose)
    {
        Id = id;
        Kind = kind;
        Purpose = purpose;
    }

    /// <summary>A number unique in the pool's lifetime.</summary>
    public long Id { get; }

    /// <summary>Which share the channel came from.</summary>
    public ChannelKind Kind { get; }

    /// <summary>What holds it (for invariant reports).</summary>
    public string Purpose { get; }

    /// <summary>False once released.</summary>
    public bool IsHeld { get; internal set; } = true;
}
