using BenchmarkDotNet.Running;

namespace Concierge.Benchmarks;

/// <summary>
/// Runs the benchmarks named on the command line (BenchmarkDotNet's switcher: --filter '*Timer*'), or with
/// <c>server &lt;api-latency|moh|memory|all&gt;</c> the server's measurements on loopback (see
/// <see cref="Server.ServerBenchmarks"/>), which print figures and their conditions instead of asserting them.
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "server") return await Server.ServerBenchmarks.RunAsync(args[1..]);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
