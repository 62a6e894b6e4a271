using System.Diagnostics;
using Concierge.Scenarios.Load;
using Concierge.Scenarios.Tests.Support;

namespace Concierge.Scenarios.Tests.Load;

/// <summary>Four shards run as separate processes and merged give what one run gives.</summary>
public sealed class ShardMergeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("concierge-shards-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(5, 1, true)]
    [InlineData(5, 5, true)]
    [InlineData(8, 3, false)]
    public void Each_seed_belongs_to_exactly_one_shard(int count, int unused, bool _)
    {
        for (ulong seed = 1; seed <= 100; seed++)
            Assert.Equal(1, Enumerable.Range(1, count).Count(i => new Shard(i, count).Holds(seed)));
        Assert.True(unused >= 1);
    }

    [Theory]
    [InlineData("0/4")]
    [InlineData("5/4")]
    [InlineData("two/4")]
    public void A_bad_shard_names_the_option_and_the_value(string text) =>
        Assert.Contains($"--shard: \"{text}\"", Assert.Throws<FormatException>(() => Shard.Parse(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void Four_shard_processes_merged_equal_one_run()
    {
        var profile = Path.Combine(_folder, "short.yaml");
        File.WriteAllText(profile, """
            name: short
            topology: osv-example
            channels: 12
            channelRatio: 3
            duration: 4 minutes
            arrivals: { callsPerHour: 600 }
            mix: [{ pilot: "3201", share: 100 }]
            attendants: { devices: ["7580", "7581"], handling: { distribution: exponential, mean: 20 s } }
            patience: { distribution: exponential, mean: 40 s }
            """);
        string[] Args(string csv, string? shard) =>
            ["load", profile, "--seeds", "8", "--ratio", "1,3", "--csv", csv, "--parallel", "1", .. shard is null ? Array.Empty<string>() : ["--shard", shard]];
        var shards = Enumerable.Range(1, 4).Select(i => Path.Combine(_folder, $"shard-{i}.csv")).ToArray();
        var processes = shards.Select((csv, i) => Start(Args(csv, $"{i + 1}/4"))).ToList();
        var whole = Path.Combine(_folder, "whole.csv");
        var one = Start(Args(whole, null));
        foreach (var p in processes.Append(one)) Finish(p);
        var merged = Path.Combine(_folder, "merged.csv");
        Finish(Start(["merge", .. shards, "--out", merged]));

        Assert.Equal(Deterministic(whole), Deterministic(merged));
        Assert.Equal(2 * 8, LoadCsv.Read(merged).Rows.Count);
        Assert.All(shards, s => Assert.Equal(4, LoadCsv.Read(s).Rows.Count));
    }

    // The CSV without the columns that depend on the machine (wall time, speed, allocation).
    private static string[] Deterministic(string path)
    {
        var lines = File.ReadAllLines(path);
        var keep = LoadCsv.Deterministic.Select(c => Array.IndexOf(LoadCsv.Columns, c)).ToArray();
        return lines.Select(l => string.Join(',', keep.Select(i => l.Split(',')[i]))).ToArray();
    }

    private Process Start(string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "concierge-sim.dll");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = TestRepository.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        var process = Process.Start(info)!;
        process.BeginErrorReadLine();
        return process;
    }

    private static void Finish(Process process)
    {
        var text = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "a shard did not finish in 2 minutes");
        Assert.True(process.ExitCode == 0, text);
    }
}
