using Concierge.Runtime.Randomness;

namespace Concierge.Scenarios.Load;

/// <summary>The shapes a random duration of a load profile can take.</summary>
public enum DistributionKind
{
    /// <summary>Never happens (infinite patience, for example).</summary>
    None,
    /// <summary>Always the mean.</summary>
    Constant,
    /// <summary>Exponential with the mean (memoryless: the Erlang formulas assume it).</summary>
    Exponential,
    /// <summary>Log-normal with the mean and the shape sigma of the underlying normal.</summary>
    LogNormal,
}

/// <summary>A random duration: constant, exponential or log-normal around a mean, or none at all.</summary>
/// <param name="Kind">The shape.</param>
/// <param name="Mean">The mean (zero for <see cref="DistributionKind.None"/>).</param>
/// <param name="Sigma">The log-normal shape (standard deviation of the logarithm); unused otherwise.</param>
public sealed record DurationDistribution(DistributionKind Kind, TimeSpan Mean, double Sigma = 0)
{
    /// <summary>No duration: the thing never happens.</summary>
    public static readonly DurationDistribution Never = new(DistributionKind.None, TimeSpan.Zero);

    /// <summary>Always <paramref name="value"/>.</summary>
    public static DurationDistribution Fixed(TimeSpan value) => new(DistributionKind.Constant, value);

    /// <summary>True unless <see cref="DistributionKind.None"/>.</summary>
    public bool Happens => Kind != DistributionKind.None;

    /// <summary>Draws one duration from <paramref name="random"/> (none draws nothing and returns <see cref="TimeSpan.MaxValue"/>).</summary>
    public TimeSpan Sample(DeterministicRandom random)
    {
        switch (Kind)
        {
            case DistributionKind.None: return TimeSpan.MaxValue;
            case DistributionKind.Constant: return Mean;
            case DistributionKind.Exponential:
                return TimeSpan.FromTicks((long)(-Math.Log(1 - random.NextDouble()) * Mean.Ticks));
            default:
                // ln X ~ N(mu, sigma²) with E[X] = exp(mu + sigma²/2) = Mean; the normal by Box–Muller.
                var mu = Math.Log(Mean.Ticks) - Sigma * Sigma / 2;
                var u1 = 1 - random.NextDouble();
                var u2 = random.NextDouble();
                var z = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
                return TimeSpan.FromTicks((long)Math.Min(Math.Exp(mu + Sigma * z), TimeSpan.FromDays(1).Ticks));
        }
    }

    /// <summary>For reports: "exponential 60 s", "constant 10 s", "log-normal 90 s σ 0.5", "none".</summary>
    public override string ToString() => Kind switch
    {
        DistributionKind.None => "none",
        DistributionKind.Constant => $"constant {Config.Durations.DurationText.Format(Mean)}",
        DistributionKind.Exponential => $"exponential {Config.Durations.DurationText.Format(Mean)}",
        _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"log-normal {Config.Durations.DurationText.Format(Mean)} sigma {Sigma}"),
    };
}
