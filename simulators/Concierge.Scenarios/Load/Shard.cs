using System.Globalization;

namespace Concierge.Scenarios.Load;

/// <summary>
/// `--shard i/n`: the i-th (1-based) of n disjoint slices of the seed space — seed s belongs to slice ((s − 1) mod n) + 1,
/// so n shards together run every seed once, whatever N is. A Kubernetes Indexed Job passes JOB_COMPLETION_INDEX + 1.
/// </summary>
public readonly record struct Shard(int Index, int Count)
{
    /// <summary>The whole seed space.</summary>
    public static readonly Shard All = new(1, 1);

    /// <summary>True when <paramref name="seed"/> belongs to this slice.</summary>
    public bool Holds(ulong seed) => Count <= 1 || (int)((seed - 1) % (ulong)Count) == Index - 1;

    /// <summary>Parses "i/n"; the error names the option and the value.</summary>
    public static Shard Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return All;
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var i)
                              && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 100_000 && i >= 1 && i <= n)
            return new Shard(i, n);
        throw new FormatException($"--shard: \"{text}\" is not i/n with 1 ≤ i ≤ n (for example 1/4)");
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
