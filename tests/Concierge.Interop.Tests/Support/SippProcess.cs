using System.Globalization;

namespace Concierge.Interop.Tests.Support;

/// <summary>
/// SIPp (Debian's sip-tester) with a scenario of tests/interop/sipp on 127.0.0.1: a UAS kept running in the
/// background (its statistics polled), or a UAC run to its end within a bound.
/// </summary>
internal sealed class SippProcess : IDisposable
{
    private readonly ChildProcess _process;
    private readonly DirectoryInfo _folder;
    private readonly string _statistics;

    private SippProcess(ChildProcess process, DirectoryInfo folder, string statistics, int port)
    {
        _process = process;
        _folder = folder;
        _statistics = statistics;
        Port = port;
    }

    /// <summary>Where this SIPp listens (UDP).</summary>
    public int Port { get; }

    public string Output => _process.Output;

    /// <summary>
    /// A UAS with <paramref name="scenario"/> (a file name in tests/interop/sipp) on a free port; <paramref name="talkMs"/>
    /// is -d (the pause of the scenario).
    /// </summary>
    public static async Task<SippProcess> StartUasAsync(string name, string scenario, int talkMs = 100)
    {
        var port = LoopbackPorts.Udp();
        var sipp = Start(name, ["-sf", Repository.Interop("sipp", scenario), "-i", "127.0.0.1", "-p", Text(port), "-d", Text(talkMs)], port);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        if (sipp._process.HasExited) Assert.Fail($"SIPp UAS {name} ended at once\n{sipp.Output}");
        return sipp;
    }

    /// <summary>
    /// Runs a UAC of <paramref name="scenario"/> against 127.0.0.1:<paramref name="proxyPort"/> with
    /// <paramref name="arguments"/> (e.g. -s, -m, -r) until it ends; killed (exit -1) after <paramref name="limit"/>.
    /// </summary>
    public static async Task<(int ExitCode, SippStatistics Statistics, string Output)> RunUacAsync(
        string name, string scenario, int proxyPort, IEnumerable<string> arguments, TimeSpan limit)
    {
        var port = LoopbackPorts.Udp();
        using var sipp = Start(name, ["127.0.0.1:" + Text(proxyPort), "-sf", Repository.Interop("sipp", scenario), "-i", "127.0.0.1", "-p", Text(port), .. arguments], port);
        var ended = await sipp._process.WaitForExitAsync(limit);
        if (!ended) sipp._process.KillHard();
        await sipp._process.WaitForExitAsync(TimeSpan.FromSeconds(5));
        var statistics = SippStatistics.Read(sipp._statistics);
        if (statistics is null) Assert.Fail($"SIPp {name} wrote no statistics\n{sipp.Output}");
        return (ended ? sipp._process.ExitCode : -1, statistics!, sipp.Output);
    }

    /// <summary>The UAS's statistics now (SIPp writes them every second).</summary>
    public SippStatistics? Statistics => SippStatistics.Read(_statistics);

    /// <summary>Waits until the counter <paramref name="column"/> reaches <paramref name="count"/>; its value then (or at the limit).</summary>
    public async Task<long> WaitForCounterAsync(string column, long count, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        long value = 0;
        while (DateTime.UtcNow < deadline)
        {
            value = Statistics is { } s ? s[column] : 0;
            if (value >= count) return value;
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
        return value;
    }

    /// <summary>Registers each of <paramref name="numbers"/> at the registrar 127.0.0.1:<paramref name="registrarPort"/> with this SIPp's address as contact.</summary>
    public async Task RegisterAsync(int registrarPort, IReadOnlyList<string> numbers)
    {
        var phones = Path.Combine(_folder.FullName, "phones.csv");
        File.WriteAllLines(phones, ["SEQUENTIAL", .. numbers.Select(n => $"{n};127.0.0.1:{Text(Port)}")]);
        var (exit, statistics, output) = await RunUacAsync("register", "register.xml", registrarPort,
            ["-inf", phones, "-m", Text(numbers.Count), "-r", "50", "-timeout", "10s", "-timeout_error"], TimeSpan.FromSeconds(20));
        Assert.True(exit == 0 && statistics["SuccessfulCall(C)"] == numbers.Count, $"registering {numbers.Count} phones failed: exit {exit}, {statistics}\n{output}");
    }

    private static SippProcess Start(string name, IReadOnlyList<string> arguments, int port)
    {
        var folder = Directory.CreateTempSubdirectory("concierge-sipp-" + name + "-");
        var statistics = Path.Combine(folder.FullName, name + "-stats.csv");
        var process = ChildProcess.Start("sipp " + name, Peers.Sipp,
            [.. arguments, "-nostdin", "-trace_stat", "-stf", statistics, "-fd", "1", "-trace_err", "-error_file", Path.Combine(folder.FullName, name + "-errors.log")],
            folder.FullName);
        return new SippProcess(process, folder, statistics, port);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _process.Dispose();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // the folder goes with the system's temp cleaning
        }
    }
}
