using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Concierge.Benchmarks.Server;

/// <summary>
/// The server's memory after 10,000 and after 100,000 calls through its SIP listener on loopback (RTP plane on, the
/// store on a SQLite file): a PBX played by one UDP socket here offers calls to the main pilot, 16 at a time and
/// <c>--rate</c> a second (default 300, so that the first mark too lies past the SIP transactions' 32 s: a faster run
/// measures the capacity its higher peak of open transactions left in the tables, not what calls leave); the CPS
/// answers each (music on hold: no attendant is logged on), the caller hangs up, the record is stored. After each mark
/// the server is left idle for <c>--settle</c> seconds (default 40: the SIP transactions' 32 s), then the garbage collector is run to the end and the managed heap and the resident set are printed; the goal is that
/// 100,000 calls leave the server within ±10 % of what 10,000 left.
/// </summary>
public static partial class CallMemoryBenchmark
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(string[] options)
    {
        var first = ServerBenchmarks.Option(options, "first", 10_000);
        var total = ServerBenchmarks.Option(options, "calls", 100_000);
        var inFlight = ServerBenchmarks.Option(options, "parallel", 16);
        var settle = ServerBenchmarks.Option(options, "settle", 40);
        var rate = ServerBenchmarks.Option(options, "rate", 300);
        using var pbx = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        pbx.Client.ReceiveBufferSize = 4 << 20;
        using var rtpSink = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var pbxAddress = (IPEndPoint)pbx.Client.LocalEndPoint!;
        var media = Path.Combine(BenchServer.Repository, "media");
        await using var server = await BenchServer.StartAsync("extends: osv-example\nname: bench-calls\n", pbxAddress, "--media", media);
        var calls = new CallDriver(pbx, pbxAddress, ((IPEndPoint)rtpSink.Client.LocalEndPoint!).Port);
        var cps = await calls.WaitForRegisterAsync();
        Console.WriteLine($"memory: the CPS registers from {cps}; calls to +4950505803201, {inFlight} at a time");

        var marks = new List<(int Calls, long Heap, long Rss, double Seconds)>();
        var done = 0;
        var calling = TimeSpan.Zero;
        foreach (var mark in new[] { first, total })
        {
            var started = Stopwatch.GetTimestamp();
            await calls.RunAsync(cps, done, mark - done, inFlight, rate);
            calling += Stopwatch.GetElapsedTime(started);
            done = mark;
            await Poll(() => server.Store.CallRecordCount() >= done || calls.Failed > 0, TimeSpan.FromSeconds(60));
            // What an ended call leaves for a while by design (RFC 3261 keeps a UDP transaction 32 s to absorb
            // retransmissions) goes first: the mark measures what stays.
            await Task.Delay(TimeSpan.FromSeconds(settle));
            // Aggressive: the collector also gives back the free regions it keeps for reuse, so the resident set shows
            // what the calls left rather than how much room the collector kept after the busiest second.
            for (var i = 0; i < 3; i++) GC.Collect(2, i == 2 ? GCCollectionMode.Aggressive : GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            var heap = GC.GetTotalMemory(forceFullCollection: true);
            var committed = GC.GetGCMemoryInfo(GCKind.FullBlocking).TotalCommittedBytes;
            using var process = Process.GetCurrentProcess();
            marks.Add((done, heap, process.WorkingSet64, calling.TotalSeconds));
            var status = await server.Host.StatusAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"memory: after {done:N0} calls ({marks[^1].Seconds:0} s of calling, {done / marks[^1].Seconds:0} calls/s, then {settle} s idle): managed heap {heap / 1048576.0:0.0} MB (GC committed {committed / 1048576.0:0.0} MB), " +
                $"resident {process.WorkingSet64 / 1048576.0:0.0} MB, records stored {server.Store.CallRecordCount():N0}, live calls {status.LiveCalls}, failed calls {calls.Failed}"));
        }
        if (ServerBenchmarks.Option(options, "hold", 0) is var hold and > 0)
        {
            Console.WriteLine($"memory: holding {hold} s for a heap dump of process {Environment.ProcessId}");
            await Task.Delay(TimeSpan.FromSeconds(hold));
        }
        var (_, heap10, rss10, _) = marks[0];
        var (_, heap100, rss100, _) = marks[1];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory: {total:N0} / {first:N0} calls: managed heap {100.0 * heap100 / heap10:0.0} %, resident {100.0 * rss100 / rss10:0.0} % (goal 90-110 %); load average {ServerBenchmarks.LoadAverage()}"));
    }

    private static async Task Poll(Func<bool> done, TimeSpan bound)
    {
        var until = Stopwatch.GetTimestamp() + (long)(bound.TotalSeconds * Stopwatch.Frequency);
        while (!done() && Stopwatch.GetTimestamp() < until) await Task.Delay(50);
    }

    /// <summary>Calls from the PBX socket: one receive loop hands each response to the call that waits for it (by Call-ID).</summary>
    private sealed partial class CallDriver(UdpClient pbx, IPEndPoint pbxAddress, int rtpPort)
    {
        private readonly ConcurrentDictionary<string, Channel> _waiting = new();
        private readonly TaskCompletionSource<IPEndPoint> _registered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private Task? _receiver;
        private long _failed;

        public long Failed => Interlocked.Read(ref _failed);

        public Task<IPEndPoint> WaitForRegisterAsync()
        {
            _receiver = Task.Run(ReceiveAsync);
            return _registered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        /// <summary>Places calls <paramref name="firstCall"/>… at <paramref name="rate"/> a second (0: as fast as <paramref name="inFlight"/> allow).</summary>
        public async Task RunAsync(IPEndPoint cps, int firstCall, int count, int inFlight, int rate)
        {
            var next = firstCall - 1;
            var last = firstCall + count;
            var start = Stopwatch.GetTimestamp();
            await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
            {
                int call;
                while ((call = Interlocked.Increment(ref next)) < last)
                {
                    if (rate > 0)
                    {
                        var due = start + (long)((call - firstCall) * (double)Stopwatch.Frequency / rate);
                        var wait = (due - Stopwatch.GetTimestamp()) * 1000.0 / Stopwatch.Frequency;
                        if (wait >= 1) await Task.Delay(TimeSpan.FromMilliseconds(wait));
                    }
                    try { await CallAsync(cps, call); }
                    catch (TimeoutException) { Interlocked.Increment(ref _failed); }
                }
            }));
        }

        private async Task CallAsync(IPEndPoint cps, int n)
        {
            var callId = $"bench-{n}@127.0.0.1";
            var caller = "+49301" + (1_100_000 + n % 99_999).ToString(CultureInfo.InvariantCulture);
            var channel = new Channel();
            _waiting[callId] = channel;
            try
            {
                await Send(Invite(cps, callId, caller), cps);
                var final = await channel.Next(text => Final().IsMatch(text) && text.Contains(" INVITE", StringComparison.Ordinal));
                if (!final.StartsWith("SIP/2.0 200", StringComparison.Ordinal)) throw new TimeoutException("refused: " + final[..final.IndexOf('\r')]);
                var toTag = ToTag().Match(final).Groups[1].Value;
                var contact = Contact().Match(final).Groups[1].Value;
                await Send(InDialog("ACK", contact, toTag, 1, callId, caller, "a" + n), cps);
                await Send(InDialog("BYE", contact, toTag, 2, callId, caller, "b" + n), cps);
                await channel.Next(text => text.StartsWith("SIP/2.0 200", StringComparison.Ordinal) && text.Contains("CSeq: 2 BYE", StringComparison.OrdinalIgnoreCase));
            }
            finally
            {
                _waiting.TryRemove(callId, out _);
            }
        }

        private Task Send(string text, IPEndPoint to) => pbx.SendAsync(Encoding.ASCII.GetBytes(text), to).AsTask();

        private async Task ReceiveAsync()
        {
            while (true)
            {
                UdpReceiveResult datagram;
                try { datagram = await pbx.ReceiveAsync(); }
                catch (ObjectDisposedException) { return; }
                catch (SocketException) { return; }
                var text = Encoding.ASCII.GetString(datagram.Buffer);
                if (text.StartsWith("REGISTER ", StringComparison.Ordinal))
                {
                    _registered.TrySetResult(datagram.RemoteEndPoint);
                    continue;
                }
                var id = CallIdOf().Match(text).Groups[1].Value;
                if (_waiting.TryGetValue(id, out var channel)) channel.Post(text);
            }
        }

        private string Invite(IPEndPoint cps, string callId, string caller)
        {
            var sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" +
                      $"m=audio {rtpPort} RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\n";
            return $"INVITE sip:+4950505803201@{cps} SIP/2.0\r\n" +
                   $"Via: SIP/2.0/UDP {pbxAddress};branch=z9hG4bK-i{callId.GetHashCode():x}\r\n" +
                   "Max-Forwards: 70\r\n" +
                   $"From: <sip:{caller}@{pbxAddress.Address}>;tag=f{callId.GetHashCode():x}\r\n" +
                   $"To: <sip:+4950505803201@{cps.Address}>\r\n" +
                   $"Call-ID: {callId}\r\n" +
                   "CSeq: 1 INVITE\r\n" +
                   $"Contact: <sip:{caller}@{pbxAddress}>\r\n" +
                   "Content-Type: application/sdp\r\n" +
                   $"Content-Length: {sdp.Length}\r\n\r\n" + sdp;
        }

        private string InDialog(string method, string target, string toTag, int cseq, string callId, string caller, string branch) =>
            $"{method} {target} SIP/2.0\r\n" +
            $"Via: SIP/2.0/UDP {pbxAddress};branch=z9hG4bK-{branch}\r\n" +
            "Max-Forwards: 70\r\n" +
            $"From: <sip:{caller}@{pbxAddress.Address}>;tag=f{callId.GetHashCode():x}\r\n" +
            $"To: <sip:+4950505803201@{pbxAddress.Address}>;tag={toTag}\r\n" +
            $"Call-ID: {callId}\r\n" +
            $"CSeq: {cseq} {method}\r\n" +
            "Content-Length: 0\r\n\r\n";

        [GeneratedRegex(@"^SIP/2\.0 [2-6]\d\d ")]
        private static partial Regex Final();

        [GeneratedRegex(@"\r\nTo:[^\r]*;tag=([^;\r>]+)", RegexOptions.IgnoreCase)]
        private static partial Regex ToTag();

        [GeneratedRegex(@"\r\n(?:Contact|m):\s*<([^>]+)>", RegexOptions.IgnoreCase)]
        private static partial Regex Contact();

        [GeneratedRegex(@"\r\n(?:Call-ID|i):\s*([^\r]+)", RegexOptions.IgnoreCase)]
        private static partial Regex CallIdOf();
    }

    /// <summary>The responses of one call, awaited in order with a bound.</summary>
    private sealed class Channel
    {
        private readonly System.Threading.Channels.Channel<string> _queue = System.Threading.Channels.Channel.CreateBounded<string>(64);

        public void Post(string text) => _queue.Writer.TryWrite(text);

        public async Task<string> Next(Func<string, bool> wanted)
        {
            using var timeout = new CancellationTokenSource(StepTimeout);
            try
            {
                while (true)
                {
                    var text = await _queue.Reader.ReadAsync(timeout.Token);
                    if (wanted(text)) return text;
                }
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("no answer in time");
            }
        }
    }
}
