using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Concierge.Media.Rtp.Packets;
using Concierge.Server.Hosting;
using Concierge.Server.Options;
using Concierge.Server.Pbx;

using Concierge.Server.Tests.Support;
using static Concierge.Server.Tests.Support.HandPlayedPbx;

namespace Concierge.Server.Tests.Media;

/// <summary>
/// The server's RTP on loopback: the PBX (a socket of the test) offers a call with PCMA and telephone-event only; the
/// CPS answers in PCMA and streams what the caller hears (the example's music on hold, made by
/// scripts/make-sample-media.sh) to the offered port in 20 ms packets; a DTMF digit the caller sends is counted in
/// /metrics. Timing is checked loosely (paced, not a burst), never against a deadline.
/// </summary>
public sealed partial class MediaOnSocketTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_queued_caller_hears_music_on_hold_as_PCMA_packets_and_its_DTMF_is_counted()
    {
        using var files = new TestServerFiles();
        var media = Path.Combine(files.Directory, "media");
        MakeSampleMedia(media);
        var rtpStart = 45000 + Environment.ProcessId % 500 * 20;
        File.WriteAllText(files.Topology("media"), $"extends: osv-example\nname: media\nconcierge:\n  cps:\n    rtpStartPort: {rtpStart}\n    rtpPortCount: 20\n");
        using var pbx = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var caller = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var pbxAddress = (IPEndPoint)pbx.Client.LocalEndPoint!;
        var callerRtp = (IPEndPoint)caller.Client.LocalEndPoint!;
        string[] args =
        [
            "--dev", "--topology", files.Topology("media"), "--db", files.Database, "--media", media,
            "--sip-listen", "127.0.0.1:0", "--http-listen", "127.0.0.1:0", "--registrar", pbxAddress.ToString(), "--csta", "127.0.0.1:1",
        ];
        var config = ServerConfiguration.Build(args, appSettingsFile: null, readEnvironment: false);
        var options = files.Options(args);
        var store = ServerStartup.OpenStore(options);
        await using var app = ServerApp.Build(options, ServerTopology.Load(options, files.Directory), config, store);
        await app.StartAsync();

        var (_, cps) = await Receive(pbx, text => text.StartsWith("REGISTER ", StringComparison.Ordinal));
        var invited = Stopwatch.GetTimestamp();
        await pbx.SendAsync(Encoding.ASCII.GetBytes(Invite(cps, pbxAddress, callerRtp.Port)), cps);
        var (final, _) = await Receive(pbx, text => FinalInviteResponse().IsMatch(text));
        Assert.StartsWith("SIP/2.0 200", final, StringComparison.Ordinal);
        Assert.Matches(@"m=audio \d+ RTP/AVP 8 101", final);
        var serverRtp = new IPEndPoint(IPAddress.Parse(SdpConnection().Match(final).Groups[1].Value), int.Parse(SdpAudioPort().Match(final).Groups[1].Value));
        Assert.InRange(serverRtp.Port, rtpStart, rtpStart + 19);
        var toTag = ToTag().Match(final).Groups[1].Value;
        var contact = Contact().Match(final).Groups[1].Value;
        await pbx.SendAsync(Encoding.ASCII.GetBytes(InDialog("ACK", contact, toTag, 1, pbxAddress, "ack1")), cps);

        var packets = new List<(RtpHeader Header, int PayloadBytes)>();
        using (var patience = new CancellationTokenSource(Bound))
        {
            while (packets.Count < 25)
            {
                var datagram = await caller.ReceiveAsync(patience.Token);
                Assert.Equal(serverRtp, datagram.RemoteEndPoint);
                Assert.True(RtpPacketReader.TryRead(datagram.Buffer, out var header, out var range, out var problem), problem);
                packets.Add((header, range.GetOffsetAndLength(datagram.Buffer.Length).Length));
            }
        }
        Assert.All(packets, p => Assert.Equal(8, p.Header.PayloadType));
        Assert.All(packets, p => Assert.Equal(160, p.PayloadBytes));
        for (var i = 1; i < packets.Count; i++)
        {
            Assert.Equal((ushort)(packets[i - 1].Header.SequenceNumber + 1), packets[i].Header.SequenceNumber);
            Assert.Equal(0u, (packets[i].Header.Timestamp - packets[i - 1].Header.Timestamp) % 160);
        }
        // Never ahead of the clock: the CPS answers after the INVITE is sent, a tick is never early and a pacer behind
        // catches up at most 100 ms, so the 25th packet cannot be read before 24 × 20 − 100 = 380 ms. Load only delays it.
        var twentyFifthAfter = Stopwatch.GetElapsedTime(invited);
        Assert.True(twentyFifthAfter > TimeSpan.FromMilliseconds(360), $"25 packets were sent within {twentyFifthAfter.TotalMilliseconds} ms of the INVITE");

        // The caller presses 5: start, continuation and three end packets of one RFC 4733 event.
        for (ushort i = 0; i < 5; i++)
        {
            var payload = new byte[TelephoneEvent.Size];
            new TelephoneEvent(5, End: i >= 2, Volume: 10, DurationSamples: 160 * (i + 1)).Write(payload);
            var packet = new byte[RtpHeader.FixedSize + payload.Length];
            RtpPacketWriter.Write(new RtpHeader(101, (ushort)(100 + i), 12345, 0xCAFE, Marker: i == 0), payload, packet);
            await caller.SendAsync(packet, serverRtp);
        }
        using var http = new HttpClient { BaseAddress = ServerApp.HttpAddress(app) };
        var metrics = await Poll(async () =>
        {
            var text = await http.GetStringAsync("/metrics");
            return text.Contains("concierge_dtmf_digits_received_total 1\n", StringComparison.Ordinal) ? text : null;
        });
        Assert.Contains("concierge_media_file_problems_total 0\n", metrics);
        Assert.Matches(@"concierge_rtp_streams\{state=""sending""\} 1\n", metrics);

        await pbx.SendAsync(Encoding.ASCII.GetBytes(InDialog("BYE", contact, toTag, 2, pbxAddress, "bye1")), cps);
        await Receive(pbx, text => text.StartsWith("SIP/2.0 200", StringComparison.Ordinal) && text.Contains("CSeq: 2 BYE", StringComparison.OrdinalIgnoreCase));
        await Poll(async () => (await http.GetStringAsync("/metrics")).Contains("concierge_rtp_streams{state=\"open\"} 0\n", StringComparison.Ordinal) ? "" : null);
        await app.StopAsync();
    }

    /// <summary>Runs the repository's sample media script into <paramref name="folder"/> (test.sh installs sox and espeak-ng).</summary>
    internal static void MakeSampleMedia(string folder)
    {
        var script = Path.Combine(TestTopology.RepositoryRoot, "scripts", "make-sample-media.sh");
        using var run = Process.Start(new ProcessStartInfo("bash", [script, folder]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var errors = run.StandardError.ReadToEndAsync();
        run.StandardOutput.ReadToEnd();
        run.WaitForExit();
        Assert.True(run.ExitCode == 0, $"scripts/make-sample-media.sh failed ({run.ExitCode}): {errors.Result}");
    }

    private static async Task<T> Poll<T>(Func<Task<T?>> read) where T : class
    {
        using var patience = new CancellationTokenSource(Bound);
        while (!patience.IsCancellationRequested)
        {
            if (await read() is { } value) return value;
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
        throw new TimeoutException("the expected state did not come");
    }

    private const string CallId = "media-test-1@127.0.0.1";

    private static string Invite(IPEndPoint cps, IPEndPoint pbx, int rtpPort)
    {
        var sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" +
                  $"m=audio {rtpPort} RTP/AVP 8 101\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=ptime:20\r\n";
        return HandPlayedPbx.Invite(cps, pbx, CallId, sdp);
    }

    private static string InDialog(string method, string target, string toTag, int cseq, IPEndPoint pbx, string branch) =>
        HandPlayedPbx.InDialog(method, target, toTag, cseq, pbx, branch, CallId);

    private static Task<(string Text, IPEndPoint From)> Receive(UdpClient socket, Func<string, bool> wanted) =>
        HandPlayedPbx.Receive(socket, wanted, Bound);

    [GeneratedRegex(@"\r\nc=IN IP4 ([0-9.]+)")]
    private static partial Regex SdpConnection();

    [GeneratedRegex(@"\r\nm=audio (\d+) ")]
    private static partial Regex SdpAudioPort();
}
