using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;

namespace Concierge.Benchmarks.Server;

/// <summary>
/// Attendant API command latency with 100 attendant sessions connected: 100 attendants are logged on and each has
/// its WebSocket event stream open (each command sends a fresh snapshot to its stream); then commands
/// (available / unavailable, alternating over the 100 devices) are timed from one client, one at a time, and again
/// from 8 clients at once. Prints p50, p90, p99 and the largest latency.
/// </summary>
public static class ApiLatencyBenchmark
{
    private const int Sessions = 100;

    public static async Task RunAsync(string[] options)
    {
        var commands = ServerBenchmarks.Option(options, "commands", 3000);
        using var silentPbx = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        await using var server = await BenchServer.StartAsync(Topology(), (IPEndPoint)silentPbx.Client.LocalEndPoint!, "--media-plane", "none");
        var (http, token) = await server.LogOnAsync();
        using var _ = http;
        var devices = Enumerable.Range(0, Sessions).Select(Device).ToList();
        foreach (var device in devices) await Post(http, $"/api/attendants/{device}/logon", """{"available":false}""");

        using var stop = new CancellationTokenSource();
        var snapshots = new long[1];
        var streams = new List<(ClientWebSocket Socket, Task Reader)>();
        foreach (var device in devices)
        {
            var socket = new ClientWebSocket();
            socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
            var uri = new Uri($"ws://{server.Address.Authority}/api/attendants/{device}/events");
            await socket.ConnectAsync(uri, stop.Token);
            streams.Add((socket, Read(socket, snapshots, stop.Token)));
        }
        Console.WriteLine($"api-latency: {Sessions} attendants logged on, {streams.Count(s => s.Socket.State == WebSocketState.Open)} event streams open");

        await Measure(http, devices, 300, clients: 1); // warm-up
        var sequential = await Measure(http, devices, commands, clients: 1);
        var parallel = await Measure(http, devices, commands, clients: 8);
        Report("1 client, one command at a time", sequential);
        Report("8 clients at once", parallel);
        Console.WriteLine($"api-latency: {Interlocked.Read(ref snapshots[0])} snapshots received on the {Sessions} streams; load average {ServerBenchmarks.LoadAverage()}");

        stop.Cancel();
        foreach (var (socket, reader) in streams)
        {
            try { await reader; } catch (OperationCanceledException) { } catch (WebSocketException) { }
            socket.Dispose();
        }
    }

    private static async Task<List<double>> Measure(HttpClient http, List<string> devices, int count, int clients)
    {
        var latencies = new List<double>(count);
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            var mine = new List<double>();
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var device = devices[i % devices.Count];
                var verb = i / devices.Count % 2 == 0 ? "available" : "unavailable";
                var started = Stopwatch.GetTimestamp();
                await Post(http, $"/api/attendants/{device}/{verb}", "{}");
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            lock (latencies) latencies.AddRange(mine);
        }));
        latencies.Sort();
        return latencies;
    }

    private static void Report(string how, List<double> sorted) =>
        Console.WriteLine($"api-latency ({how}): {sorted.Count} commands, p50 {ServerBenchmarks.Quantile(sorted, 0.50):0.00} ms, " +
                          $"p90 {ServerBenchmarks.Quantile(sorted, 0.90):0.00} ms, p99 {ServerBenchmarks.Quantile(sorted, 0.99):0.00} ms, max {sorted[^1]:0.00} ms (goal p99 <= 10 ms)");

    private static async Task Post(HttpClient http, string path, string json)
    {
        using var response = await http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task Read(ClientWebSocket socket, long[] snapshots, CancellationToken stop)
    {
        var buffer = new byte[64 * 1024];
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(buffer, stop);
            if (result.MessageType == WebSocketMessageType.Close) return;
            if (result.EndOfMessage) Interlocked.Increment(ref snapshots[0]);
        }
    }

    private static string Device(int i) => i < 4 ? $"+495050580758{i}" : $"+4950505806{i:000}";

    /// <summary>osv-example with 96 more attendants (100 in all) and the OSV subscribers for them; personal lines 3220-3319.</summary>
    private static string Topology()
    {
        var yaml = new StringBuilder("""
            extends: osv-example
            name: bench-100-attendants
            concierge:
              cps: { channels: 120 }
              ranges:
                personalLines: { first: "+4950505803220", last: "+4950505803399" }
                loop: "+4950505803400"
                request: { first: "+4950505803401", last: "+4950505803449" }
                callback: { first: "+4950505803450", last: "+4950505803499" }
              attendants:

            """);
        for (var i = 4; i < Sessions; i++) yaml.Append($"    \"{Device(i)}\": {{ alias: \"6{i:000}\", personalLine: \"+495050580{3220 + i}\" }}\n");
        yaml.Append("osv:\n  businessGroups:\n    BG_Concierge:\n      subscribers:\n");
        for (var i = 4; i < Sessions; i++)
            yaml.Append($"        \"{Device(i)}\": {{ alias: \"6{i:000}\", displayName: Concierge 6{i:000}, featureProfile: FP_Concierge, role: attendant, phone: {{ autoAnswerCti: true, callWaiting: false, dnd: false, uaCsta: true }} }}\n");
        return yaml.ToString();
    }
}
