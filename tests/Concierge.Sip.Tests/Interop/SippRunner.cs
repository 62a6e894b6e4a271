using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Concierge.Sip.Tests.Interop;

/// <summary>Finds and runs SIPp (Debian's sip-tester) with a time bound, and reads its statistics CSV.</summary>
internal static class SippRunner
{
    /// <summary>The sipp executable, or a failed assertion that says how to get it.</summary>
    public static string Executable()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "sipp");
            if (File.Exists(candidate)) return candidate;
        }
        Assert.Fail("sipp is not on PATH: run the tests with ./test.sh, which installs Debian's sip-tester (or `apt-get install -y sip-tester`)");
        return string.Empty;
    }

    /// <summary>A UDP port that was free a moment ago on 127.0.0.1.</summary>
    public static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>Runs sipp with <paramref name="arguments"/>, killing it after <paramref name="limit"/>; returns exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string executable, IEnumerable<string> arguments, string workingDirectory, TimeSpan limit)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start sipp");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, "sipp killed after " + limit + "\n" + await stderr);
        }
        var output = await stdout + "\n" + await stderr;
        return (process.ExitCode, output.Length > 4000 ? output[^4000..] : output);
    }

    /// <summary>The last row of a SIPp statistics CSV (-trace_stat -stf) as column → value.</summary>
    public static IReadOnlyDictionary<string, string> LastStatistics(string csvPath)
    {
        Assert.True(File.Exists(csvPath), "SIPp wrote no statistics file at " + csvPath);
        var lines = File.ReadAllLines(csvPath).Where(l => l.Trim().Length > 0).ToList();
        Assert.True(lines.Count >= 2, "SIPp statistics file has no data rows");
        var header = lines[0].Split(';');
        var last = lines[^1].Split(';');
        var row = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length && i < last.Length; i++) row[header[i].Trim()] = last[i].Trim();
        return row;
    }

    /// <summary>A counter column as a number.</summary>
    public static long Counter(IReadOnlyDictionary<string, string> row, string column)
    {
        Assert.True(row.TryGetValue(column, out var text), $"column {column} missing; columns: {string.Join(",", row.Keys.Take(20))}");
        return long.Parse(text!, NumberStyles.Integer, CultureInfo.InvariantCulture);
    }
}
