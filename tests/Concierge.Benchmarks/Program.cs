using BenchmarkDotNet.Running;

namespace Concierge.Benchmarks;

/// <summary>Runs the benchmarks named on the command line (BenchmarkDotNet's switcher: --filter '*Timer*').</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
