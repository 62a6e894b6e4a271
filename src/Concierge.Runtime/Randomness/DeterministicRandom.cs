using System.Text;

namespace Concierge.Runtime.Randomness;

/// <summary>
/// The seeded generator every component draws from: xoshiro256** seeded by SplitMix64, both fixed here so a seed
/// means the same sequence on every .NET version. Each component takes its own stream with <see cref="Split"/>.
/// </summary>
public sealed class DeterministicRandom
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Creates a generator from a seed.</summary>
    public DeterministicRandom(ulong seed)
    {
        Seed = seed;
        var sm = seed;
        _s0 = SplitMix64(ref sm);
        _s1 = SplitMix64(ref sm);
        _s2 = SplitMix64(ref sm);
        _s3 = SplitMix64(ref sm);
    }

    /// <summary>The seed this generator was created from.</summary>
    public ulong Seed { get; }

    /// <summary>
    /// An independent generator for the component <paramref name="name"/>: depends only on this generator's seed and
    /// the name, never on how much has been drawn, so adding a component does not shift the others.
    /// </summary>
    public DeterministicRandom Split(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var hash = 14695981039346656037UL; // FNV-1a 64
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        var mixed = Seed ^ hash;
        return new DeterministicRandom(SplitMix64(ref mixed));
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive)
    {
        if (maxExclusive <= 0) throw new ArgumentOutOfRangeException(nameof(maxExclusive), maxExclusive, "must be positive");
        return (int)NextBelow((ulong)maxExclusive);
    }

    /// <summary>A uniform integer in [<paramref name="minInclusive"/>, <paramref name="maxExclusive"/>).</summary>
    public int Next(int minInclusive, int maxExclusive)
    {
        if (maxExclusive <= minInclusive) throw new ArgumentOutOfRangeException(nameof(maxExclusive), maxExclusive, $"must exceed {minInclusive}");
        return (int)(minInclusive + (long)NextBelow((ulong)((long)maxExclusive - minInclusive)));
    }

    /// <summary>A uniform 64-bit integer in [0, <paramref name="maxExclusive"/>).</summary>
    public long NextInt64(long maxExclusive)
    {
        if (maxExclusive <= 0) throw new ArgumentOutOfRangeException(nameof(maxExclusive), maxExclusive, "must be positive");
        return (long)NextBelow((ulong)maxExclusive);
    }

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>True with probability <paramref name="probability"/> (0..1).</summary>
    public bool Chance(double probability) => probability > 0 && (probability >= 1 || NextDouble() < probability);

    /// <summary>A duration uniform in [0, <paramref name="max"/>].</summary>
    public TimeSpan NextDuration(TimeSpan max) => max <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromTicks((long)NextBelow((ulong)max.Ticks + 1));

    /// <summary>Fills <paramref name="buffer"/> with random bytes.</summary>
    public void NextBytes(Span<byte> buffer)
    {
        var i = 0;
        while (i < buffer.Length)
        {
            var v = NextUInt64();
            for (var k = 0; k < 8 && i < buffer.Length; k++, i++, v >>= 8) buffer[i] = (byte)v;
        }
    }

    /// <summary>A lowercase hex token of <paramref name="length"/> characters (SIP tags, branches, Call-IDs).</summary>
    public string NextHexToken(int length)
    {
        if (length <= 0) throw new ArgumentOutOfRangeException(nameof(length), length, "must be positive");
        const string digits = "0123456789abcdef";
        return string.Create(length, this, static (span, rnd) =>
        {
            ulong v = 0;
            for (var i = 0; i < span.Length; i++)
            {
                if (i % 16 == 0) v = rnd.NextUInt64();
                span[i] = digits[(int)(v & 0xF)];
                v >>= 4;
            }
        });
    }

    /// <summary>Picks one element of <paramref name="items"/> uniformly.</summary>
    public T Pick<T>(IReadOnlyList<T> items)
    {
        if (items.Count == 0) throw new ArgumentException("cannot pick from an empty list", nameof(items));
        return items[Next(items.Count)];
    }

    private ulong NextBelow(ulong bound)
    {
        // Lemire's nearly divisionless method, with rejection for exact uniformity.
        var x = NextUInt64();
        var m = Math.BigMul(x, bound, out var low);
        if (low < bound)
        {
            var threshold = (0 - bound) % bound;
            while (low < threshold)
            {
                x = NextUInt64();
                m = Math.BigMul(x, bound, out low);
            }
        }
        return m;
    }

    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
