using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Concierge.Media;
using Concierge.Media.Rtp.Audio;
using Concierge.Media.Rtp.Packets;
using Concierge.Media.Rtp.Streaming;
using Concierge.Runtime.Randomness;
using Microsoft.Extensions.Logging.Abstractions;

namespace Concierge.Benchmarks.Server;

/// <summary>
/// 250 channels of music on hold from the server's RTP plane (the sample MoH file of scripts/make-sample-media.sh,
/// 16 kHz stereo resampled) to 250 loopback receivers (5 sockets, 50 streams each), for 30 s. Prints the pacer's tick
/// lateness (sender side: how late after its 20 ms deadline each tick sent), the receivers' view (|inter-arrival − 20 ms|
/// per stream), and the CPU the pacer thread and the whole process used, as a share of one core.
/// </summary>
public static class MusicOnHoldBenchmark
{
    public static async Task RunAsync(string[] options)
    {
        var channels = ServerBenchmarks.Option(options, "channels", 250);
        var seconds = ServerBenchmarks.Option(options, "seconds", 30);
        var media = Path.Combine(BenchServer.Repository, "media");
        if (!File.Exists(Path.Combine(media, "DEFAULT-DefaultMoH.wav")))
            throw new InvalidOperationException("no sample media: run scripts/make-sample-media.sh first");
        var library = new MediaLibrary(media, name => new MediaFile("DEFAULT-DefaultMoH.wav", Loops: true));
        using var plane = new RtpMediaPlane(library, TimeProvider.System, new DeterministicRandom(12), NullLogger.Instance);

        var receivers = Enumerable.Range(0, (channels + 49) / 50).Select(_ =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 4 << 20 };
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return socket;
        }).ToList();
        var arrivals = new Dictionary<int, List<(long At, uint Timestamp)>>();
        using var stop = new CancellationTokenSource();
        var measuring = new bool[1];
        var readers = receivers.Select(r => Task.Run(() => Receive(r, arrivals, measuring, stop.Token))).ToList();

        var sources = FreePorts(channels).Select(port => new IPEndPoint(IPAddress.Loopback, port)).ToList();
        for (var i = 0; i < sources.Count; i++)
        {
            plane.Connect(sources[i], new MediaPeer((IPEndPoint)receivers[i / 50].LocalEndPoint!, i % 2 == 0 ? MediaCodec.Pcmu : MediaCodec.Pcma, i % 2 == 0 ? 0 : 8, 101));
            plane.Transmit(sources[i], new MediaContent(MediaKind.Music, "DEFAULT-DefaultMoH"));
        }
        await Task.Delay(TimeSpan.FromSeconds(2)); // warm-up: the file is read, the JIT is done

        var before = plane.Counters;
        var pacer = PacerThreadCpu();
        var process = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        lock (arrivals) measuring[0] = true;
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        lock (arrivals) measuring[0] = false;
        var wall = Stopwatch.GetElapsedTime(started);
        var pacerCpu = PacerThreadCpu() - pacer;
        var processCpu = Process.GetCurrentProcess().TotalProcessorTime - process;
        var after = plane.Counters;
        stop.Cancel();
        foreach (var receiver in receivers) receiver.Dispose();

        var ticks = after.Ticks - before.Ticks;
        var meanLateness = (after.MeanTickErrorMs * after.Ticks - before.MeanTickErrorMs * before.Ticks) / Math.Max(1, ticks);
        var deviations = new List<double>();
        var received = 0L;
        lock (arrivals)
        {
            foreach (var stream in arrivals.Values)
            {
                received += stream.Count;
                for (var k = 1; k < stream.Count; k++)
                {
                    var frames = (stream[k].Timestamp - stream[k - 1].Timestamp) / 160.0;
                    var gapMs = (stream[k].At - stream[k - 1].At) * 1000.0 / Stopwatch.Frequency;
                    deviations.Add(Math.Abs(gapMs - 20 * frames));
                }
            }
        }
        deviations.Sort();
        var sent = after.PacketsSent - before.PacketsSent;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"moh: {channels} streams (half PCMU, half PCMA) for {wall.TotalSeconds:0.0} s: {sent} packets sent ({sent / wall.TotalSeconds:0} a second, expected {channels * 50}), {received} received"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"moh: pacer tick lateness mean {meanLateness:0.000} ms, largest since start {after.MaxTickErrorMs:0.00} ms, late ticks (> 5 ms) {after.LateTicks - before.LateTicks} of {ticks}, skipped frames {after.SkippedTicks - before.SkippedTicks} (goal: mean < 1 ms)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"moh: at the receivers |inter-arrival - 20 ms| mean {deviations.Average():0.000} ms, p50 {ServerBenchmarks.Quantile(deviations, 0.5):0.000} ms, p99 {ServerBenchmarks.Quantile(deviations, 0.99):0.000} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"moh: CPU of the pacer thread {100 * pacerCpu.TotalSeconds / wall.TotalSeconds:0.0} % of one core; whole process (receivers included) {100 * processCpu.TotalSeconds / wall.TotalSeconds:0.0} % (goal < 15 %); load average {ServerBenchmarks.LoadAverage()}"));
        await Task.WhenAll(readers.Select(r => r.ContinueWith(_ => { })));
    }

    private static void Receive(Socket socket, Dictionary<int, List<(long, uint)>> arrivals, bool[] measuring, CancellationToken stop)
    {
        var buffer = new byte[2048];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!stop.IsCancellationRequested)
        {
            int length;
            try
            {
                length = socket.ReceiveFrom(buffer, ref any);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                return;
            }
            var at = Stopwatch.GetTimestamp();
            if (!RtpPacketReader.TryRead(buffer.AsSpan(0, length), out var header, out _, out _)) continue;
            var port = ((IPEndPoint)any).Port;
            lock (arrivals)
            {
                if (!measuring[0]) continue;
                if (!arrivals.TryGetValue(port, out var list)) arrivals[port] = list = new List<(long, uint)>(2000);
                list.Add((at, header.Timestamp));
            }
        }
    }

    /// <summary>User and system CPU of the pacer thread (Linux /proc), or zero elsewhere.</summary>
    private static TimeSpan PacerThreadCpu()
    {
        foreach (var task in Directory.Exists("/proc/self/task") ? Directory.GetDirectories("/proc/self/task") : [])
        {
            string comm;
            try { comm = File.ReadAllText(Path.Combine(task, "comm")).Trim(); } catch (IOException) { continue; }
            if (!"concierge-rtp-pacer".StartsWith(comm, StringComparison.Ordinal) || comm.Length < 10) continue;
            var stat = File.ReadAllText(Path.Combine(task, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ
        }
        return TimeSpan.Zero;
    }

    private static List<int> FreePorts(int count)
    {
        var probes = Enumerable.Range(0, count).Select(_ =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return socket;
        }).ToList();
        var ports = probes.Select(p => ((IPEndPoint)p.LocalEndPoint!).Port).ToList();
        foreach (var probe in probes) probe.Dispose();
        return ports;
    }
}
