using System.Net;
using System.Net.Sockets;
using Concierge.Media.Rtp.Audio;
using Concierge.Media.Rtp.Codec;
using Concierge.Media.Rtp.Packets;
using Concierge.Media.Rtp.Streaming;
using Concierge.Media.Rtp.Tests.Audio;
using Concierge.Runtime.Randomness;
using Microsoft.Extensions.Logging.Abstractions;

namespace Concierge.Media.Rtp.Tests.Streaming;

/// <summary>
/// The RTP plane on loopback sockets and the system clock: a UDP socket plays the party. Timing is checked loosely
/// (packets are not sent in one burst), never against a deadline a loaded machine could miss.
/// </summary>
public sealed class RtpMediaPlaneLoopbackTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("concierge-rtp-");
    private readonly RtpMediaPlane _plane;
    private readonly List<Socket> _parties = new();

    public RtpMediaPlaneLoopbackTests()
    {
        WaveFileLoaderTests.WriteTone(Path.Combine(_folder.FullName, "moh.wav"), 16000, 2, 1.0);
        var library = new MediaLibrary(_folder.FullName, name => name == "DEFAULT-DefaultMoH" ? new MediaFile("moh.wav", Loops: true) : null);
        _plane = new RtpMediaPlane(library, TimeProvider.System, new DeterministicRandom(7), NullLogger.Instance);
    }

    public void Dispose()
    {
        _plane.Dispose();
        foreach (var party in _parties) party.Dispose();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task Music_on_hold_arrives_as_PCMA_packets_of_20_ms_in_sequence()
    {
        var party = Party();
        var source = FreeLocalEndPoint();
        var transmitted = TimeProvider.System.GetTimestamp();
        _plane.Connect(source, new MediaPeer((IPEndPoint)party.LocalEndPoint!, MediaCodec.Pcma, 8, 101));
        _plane.Transmit(source, new MediaContent(MediaKind.Music, "DEFAULT-DefaultMoH"));

        var packets = await ReceiveAsync(party, 30);
        var thirtiethAfter = TimeProvider.System.GetElapsedTime(transmitted);
        var headers = packets.Select(p => p.Header).ToList();

        Assert.All(packets, p => Assert.Equal(source, p.From));
        Assert.All(headers, h => Assert.Equal(8, h.PayloadType));
        Assert.All(packets, p => Assert.Equal(160, p.Payload.Length));
        Assert.Single(headers.Select(h => h.Ssrc).Distinct());
        Assert.True(headers[0].Marker, "the first packet of the music starts a talk spurt");
        for (var i = 1; i < headers.Count; i++)
        {
            Assert.Equal((ushort)(headers[i - 1].SequenceNumber + 1), headers[i].SequenceNumber);
            var step = headers[i].Timestamp - headers[i - 1].Timestamp;
            Assert.True(step % 160 == 0 && step >= 160, $"timestamp step {step} is not a whole number of 20 ms frames");
        }
        // Every step is exactly one frame unless the machine stalled for more than 100 ms and the pacer skipped frames.
        Assert.True(headers.Zip(headers.Skip(1)).Count(p => p.Second.Timestamp - p.First.Timestamp == 160) >= headers.Count / 2);
        // Paced, never ahead of the clock: a tick is never early, and a pacer behind the clock catches up at most the
        // 100 ms it skips after, so the 30th packet cannot be read before 29 × 20 − 100 = 480 ms after Transmit. A loaded
        // machine only makes it later (arrival times at the reader are not checked: a descheduled reader sees a queue at once).
        Assert.True(thirtiethAfter > TimeSpan.FromMilliseconds(460), $"30 packets were sent within {thirtiethAfter.TotalMilliseconds} ms of the start");
        // The payload is the file, resampled and A-law encoded: the 440 Hz tone is not silence.
        Assert.Contains(packets, p => p.Payload.Any(code => code != G711.ALawSilence));
        Assert.True(_plane.Counters.PacketsSent >= 30);
    }

    [Fact]
    public async Task Ringback_in_PCMU_uses_the_negotiated_payload_type_and_stops_with_the_stream()
    {
        var party = Party();
        var source = FreeLocalEndPoint();
        _plane.Connect(source, new MediaPeer((IPEndPoint)party.LocalEndPoint!, MediaCodec.Pcmu, 0, null));
        _plane.Transmit(source, MediaContent.Ringback);
        var packets = await ReceiveAsync(party, 5);
        Assert.All(packets, p => Assert.Equal(0, p.Header.PayloadType));
        Assert.Contains(packets, p => p.Payload.Any(code => code != G711.MuLawSilence)); // the tone's first second is on
        _plane.Stop(source);
        Assert.Equal(0, _plane.Counters.Streams);
    }

    [Fact]
    public async Task Nothing_is_sent_before_offer_answer_names_the_peer_nor_while_the_peer_holds()
    {
        var party = Party();
        var source = FreeLocalEndPoint();
        _plane.Transmit(source, MediaContent.BusyTone);
        var peer = new MediaPeer((IPEndPoint)party.LocalEndPoint!, MediaCodec.Pcmu, 0, 101);
        _plane.Connect(source, peer with { Sends = false });
        await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        Assert.Equal(0, party.Available);
        _plane.Connect(source, peer);
        Assert.NotEmpty(await ReceiveAsync(party, 2));
    }

    [Fact]
    public async Task An_RFC_4733_digit_is_reported_once_however_often_its_packets_repeat()
    {
        var digits = new List<DtmfDigit>();
        var reported = new TaskCompletionSource();
        _plane.DtmfReceived += digit =>
        {
            lock (digits) digits.Add(digit);
            if (digit.Digit == '#') reported.TrySetResult();
        };
        var party = Party();
        var source = FreeLocalEndPoint();
        _plane.Connect(source, new MediaPeer((IPEndPoint)party.LocalEndPoint!, MediaCodec.Pcmu, 0, 96));
        _plane.Transmit(source, MediaContent.Silence);

        SendEvent(party, source, 96, sequence: 1, timestamp: 8000, new TelephoneEvent(5, false, 10, 160));
        SendEvent(party, source, 96, sequence: 2, timestamp: 8000, new TelephoneEvent(5, false, 10, 320));
        for (ushort i = 3; i <= 5; i++) SendEvent(party, source, 96, i, 8000, new TelephoneEvent(5, true, 10, 800)); // end, three times
        party.SendTo([0x80, 0x60, 0, 6], source);                                                                   // malformed
        SendEvent(party, source, 96, sequence: 7, timestamp: 16000, new TelephoneEvent(11, true, 10, 800));

        await reported.Task.WaitAsync(Patience);
        lock (digits) Assert.Equal(['5', '#'], digits.Select(d => d.Digit));
        Assert.Equal(source, digits[0].Source);
        Assert.Equal(2, _plane.Counters.DtmfDigits);
        Assert.True(await Eventually(() => _plane.Counters.PacketsMalformed == 1));
    }

    [Fact]
    public async Task A_bridge_relays_one_party_s_voice_to_the_other_in_the_other_s_codec()
    {
        var caller = Party();
        var target = Party();
        var callerSource = FreeLocalEndPoint();
        var targetSource = FreeLocalEndPoint();
        var callerEnd = (IPEndPoint)caller.LocalEndPoint!;
        var targetEnd = (IPEndPoint)target.LocalEndPoint!;
        _plane.Connect(callerSource, new MediaPeer(callerEnd, MediaCodec.Pcma, 8, null));
        _plane.Connect(targetSource, new MediaPeer(targetEnd, MediaCodec.Pcmu, 0, null));
        _plane.Relay(callerSource, targetEnd);   // the caller hears what the target sends
        _plane.Relay(targetSource, callerEnd);

        var voice = new byte[160];
        G711.Encode(MediaCodec.Pcmu, Enumerable.Range(0, 160).Select(i => (short)(i * 100)).ToArray(), voice);
        var packet = new byte[RtpHeader.FixedSize + voice.Length];
        RtpPacketWriter.Write(new RtpHeader(0, 1, 0, 42), voice, packet);
        target.SendTo(packet, targetSource);

        var relayed = Assert.Single(await ReceiveAsync(caller, 1));
        Assert.Equal(callerSource, relayed.From);
        Assert.Equal(8, relayed.Header.PayloadType);
        Assert.Equal(voice.Select(code => G711.Transcode(MediaCodec.Pcmu, MediaCodec.Pcma, code)), relayed.Payload);
        Assert.Equal(1, _plane.Counters.PacketsRelayed);
    }

    private static void SendEvent(Socket party, IPEndPoint to, int payloadType, ushort sequence, uint timestamp, TelephoneEvent telephoneEvent)
    {
        var payload = new byte[TelephoneEvent.Size];
        telephoneEvent.Write(payload);
        var packet = new byte[RtpHeader.FixedSize + payload.Length];
        RtpPacketWriter.Write(new RtpHeader(payloadType, sequence, timestamp, 99), payload, packet);
        party.SendTo(packet, to);
    }

    private Socket Party()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _parties.Add(socket);
        return socket;
    }

    private static IPEndPoint FreeLocalEndPoint()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return (IPEndPoint)probe.LocalEndPoint!;
    }

    private static async Task<List<Received>> ReceiveAsync(Socket party, int count)
    {
        var received = new List<Received>();
        var buffer = new byte[2048];
        using var cancel = new CancellationTokenSource(Patience);
        while (received.Count < count)
        {
            var result = await party.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cancel.Token);
            var at = TimeProvider.System.GetTimestamp();
            Assert.True(RtpPacketReader.TryRead(buffer.AsSpan(0, result.ReceivedBytes), out var header, out var range, out var problem), problem);
            received.Add(new Received(header, buffer.AsSpan(0, result.ReceivedBytes)[range].ToArray(), (IPEndPoint)result.RemoteEndPoint, TimeProvider.System.GetElapsedTime(0, at)));
        }
        return received;
    }

    private static async Task<bool> Eventually(Func<bool> condition)
    {
        var until = TimeProvider.System.GetTimestamp() + (long)(Patience.TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (!condition())
        {
            if (TimeProvider.System.GetTimestamp() > until) return false;
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System);
        }
        return true;
    }

    private sealed record Received(RtpHeader Header, byte[] Payload, IPEndPoint From, TimeSpan At);
}
