using System.Globalization;

namespace Concierge.Benchmarks.Server;

/// <summary>
/// The server's figures on loopback (issue 12, item 7), measured by running the real thing, never asserted:
/// <list type="bullet">
/// <item><c>api-latency</c>: attendant command latency p50/p99 with 100 attendant sessions (WebSocket event streams) connected;</item>
/// <item><c>moh</c>: 250 channels of music on hold from the RTP plane: pacing error and CPU;</item>
/// <item><c>memory</c>: the server's memory after 10,000 and after 100,000 calls through its SIP listener.</item>
/// </list>
/// Each prints the machine's load average with its figures, since the machine is shared.
/// </summary>
public static class ServerBenchmarks
{
    /// <summary>Runs the named measurement(s).</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var which = args.Length > 0 ? args[0] : "all";
        var options = args.Skip(1).ToArray();
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average at start {LoadAverage()}");
        switch (which)
        {
            case "api-latency": await ApiLatencyBenchmark.RunAsync(options); break;
            case "moh": await MusicOnHoldBenchmark.RunAsync(options); break;
            case "memory": await CallMemoryBenchmark.RunAsync(options); break;
            case "all":
                await ApiLatencyBenchmark.RunAsync(options);
                await MusicOnHoldBenchmark.RunAsync(options);
                await CallMemoryBenchmark.RunAsync(options);
                break;
            default:
                Console.Error.WriteLine($"server benchmark \"{which}\" is not one of api-latency, moh, memory, all");
                return 2;
        }
        Console.WriteLine($"load average at end {LoadAverage()}");
        return 0;
    }

    /// <summary>The 1, 5 and 15 minute load averages (Linux), or "n/a".</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>The value of <c>--name</c> in <paramref name="options"/>, or <paramref name="fallback"/>.</summary>
    public static int Option(string[] options, string name, int fallback)
    {
        var at = Array.IndexOf(options, "--" + name);
        return at >= 0 && at + 1 < options.Length ? int.Parse(options[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>The <paramref name="fraction"/> quantile of sorted <paramref name="values"/>.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double fraction) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
}
