namespace Concierge.Scenarios.Load;

/// <summary>Mean and 95 % confidence half-width of one measure over independent seeds (Student's t).</summary>
public readonly record struct SeedStatistics(double Mean, double HalfWidth95, int Count)
{
    // Two-sided 97.5 % quantiles of Student's t for 1..30 degrees of freedom; above, the normal's 1.96.
    private static readonly double[] T975 =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    /// <summary>The interval's low end.</summary>
    public double Low => Mean - HalfWidth95;

    /// <summary>The interval's high end.</summary>
    public double High => Mean + HalfWidth95;

    /// <summary>True when <paramref name="value"/> lies within the interval (with one seed: never known, false).</summary>
    public bool Contains(double value) => Count > 1 && value >= Low - 1e-12 && value <= High + 1e-12;

    /// <summary>The t quantile for <paramref name="degreesOfFreedom"/>.</summary>
    public static double TQuantile(int degreesOfFreedom) =>
        degreesOfFreedom < 1 ? double.NaN : degreesOfFreedom <= T975.Length ? T975[degreesOfFreedom - 1] : 1.96;

    /// <summary>The statistics of <paramref name="values"/> (NaN half-width for fewer than two).</summary>
    public static SeedStatistics Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return new SeedStatistics(double.NaN, double.NaN, 0);
        var mean = values.Average();
        if (values.Count == 1) return new SeedStatistics(mean, double.NaN, 1);
        var variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        return new SeedStatistics(mean, TQuantile(values.Count - 1) * Math.Sqrt(variance / values.Count), values.Count);
    }
}
