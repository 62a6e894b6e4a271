namespace Concierge.Scenarios.Load;

/// <summary>The queueing formulas the simulation is checked against (A in erlangs, N servers).</summary>
public static class Erlang
{
    /// <summary>
    /// Erlang B: the probability that a call finds all <paramref name="servers"/> busy in a loss system offered
    /// <paramref name="erlangs"/> (insensitive to the holding-time distribution). Computed by the stable recursion
    /// B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)).
    /// </summary>
    public static double B(int servers, double erlangs)
    {
        if (servers < 0) throw new ArgumentOutOfRangeException(nameof(servers), servers, "the number of servers is not negative");
        if (erlangs < 0 || double.IsNaN(erlangs)) throw new ArgumentOutOfRangeException(nameof(erlangs), erlangs, "the offered traffic is not negative");
        var b = 1.0;
        for (var n = 1; n <= servers; n++) b = erlangs * b / (n + erlangs * b);
        return b;
    }

    /// <summary>
    /// Erlang C: the probability that a call has to wait in an M/M/N queue with infinite patience,
    /// C = N·B / (N − A·(1 − B)); 1 when the system is overloaded (A ≥ N).
    /// </summary>
    public static double C(int servers, double erlangs)
    {
        if (servers < 1) throw new ArgumentOutOfRangeException(nameof(servers), servers, "Erlang C needs at least one server");
        if (erlangs >= servers) return 1.0;
        var b = B(servers, erlangs);
        return servers * b / (servers - erlangs * (1 - b));
    }

    /// <summary>
    /// The mean wait of all calls in an M/M/N queue (the analytic ASA): C(N, A) × h / (N − A), for mean handling
    /// <paramref name="handlingSeconds"/>; infinite when overloaded.
    /// </summary>
    public static double MeanWaitSeconds(int servers, double erlangs, double handlingSeconds) =>
        erlangs >= servers ? double.PositiveInfinity : C(servers, erlangs) * handlingSeconds / (servers - erlangs);
}
