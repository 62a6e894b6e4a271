using System.Net;
using System.Text;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Transports;
using Concierge.Runtime.Transports.Simulated;
using Concierge.Sip.Headers;
using Concierge.Sip.Message;
using Concierge.Sip.Parsing;
using Concierge.Sip.Transport;
using Concierge.Sip.UserAgent;

namespace Concierge.Sip.Tests.Transport;

public class SipTransportTests
{
    private readonly SimulatedEventLoop _loop = new();
    private readonly SimulatedNetwork _network;
    private readonly SimulatedHost _peer;
    private readonly SipStack _stack;
    private readonly SipUserAgent _ua;
    private readonly List<(string Text, IPEndPoint From)> _received = new();

    public SipTransportTests()
    {
        _network = new SimulatedNetwork(_loop, new DeterministicRandom(3));
        var server = _network.AddHost("server", IPAddress.Parse("192.0.2.10"));
        _peer = _network.AddHost("peer", IPAddress.Parse("192.0.2.20"));
        _stack = new SipStack(_loop, server, new SipStackOptions(), new DeterministicRandom(4));
        _ua = new SipUserAgent(_stack);
    }

    private static readonly IPEndPoint Server = new(IPAddress.Parse("192.0.2.10"), 5060);

    private IDatagramTransport RawUdp(int port = 40000) =>
        _peer.BindDatagram(port, (payload, from) => _received.Add((Encoding.UTF8.GetString(payload), from)));

    private static string Options(string via = "SIP/2.0/UDP 192.0.2.20:40000;branch=z9hG4bKraw1", string extra = "") =>
        "OPTIONS sip:server@192.0.2.10 SIP/2.0\r\nVia: " + via + "\r\nMax-Forwards: 70\r\nFrom: <sip:peer@192.0.2.20>;tag=p1\r\n" +
        "To: <sip:server@192.0.2.10>\r\nCall-ID: raw-1@192.0.2.20\r\nCSeq: 1 OPTIONS\r\n" + extra + "Content-Length: 0\r\n\r\n";

    [Fact]
    public void Garbage_datagram_is_dropped_and_counted_and_the_engine_keeps_serving()
    {
        var raw = RawUdp();
        raw.Send(Encoding.ASCII.GetBytes("\x01\x02 this is not SIP at all\r\n\r\n"), Server);
        raw.Send(Encoding.ASCII.GetBytes(Options()), Server);
        _loop.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(1, _stack.Transport.Counters.MalformedDatagrams);
        var answer = Assert.Single(_received);
        Assert.StartsWith("SIP/2.0 200 OK", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Datagram_with_a_truncated_body_is_answered_400()
    {
        var raw = RawUdp();
        raw.Send(Encoding.ASCII.GetBytes(Options().Replace("Content-Length: 0", "Content-Length: 500", StringComparison.Ordinal)), Server);
        _loop.RunFor(TimeSpan.FromSeconds(1));
        Assert.StartsWith("SIP/2.0 400", Assert.Single(_received).Text, StringComparison.Ordinal);
        Assert.Equal(1, _stack.Transport.Counters.BadRequestsAnswered);
    }

    [Theory]
    [InlineData("OPTIONS <sip:server@192.0.2.10> SIP/2.0")]
    [InlineData("OPTIONS sip:ser ver@192.0.2.10 SIP/2.0")]
    [InlineData("OPTIONS  sip:server@192.0.2.10   SIP/2.0")]
    public void Datagram_with_a_bad_request_line_is_answered_400_and_counted(string requestLine)
    {
        var raw = RawUdp();
        raw.Send(Encoding.ASCII.GetBytes(Options().Replace("OPTIONS sip:server@192.0.2.10 SIP/2.0", requestLine, StringComparison.Ordinal)), Server);
        _loop.RunFor(TimeSpan.FromSeconds(1));
        var answer = Assert.Single(_received).Text;
        Assert.StartsWith("SIP/2.0 400", answer, StringComparison.Ordinal);
        Assert.Contains("CSeq: 1 OPTIONS", answer, StringComparison.Ordinal);
        Assert.Equal(1, _stack.Transport.Counters.MalformedDatagrams);
        Assert.Equal(0, _stack.Transactions.Counters.ServerTransactions);
    }

    [Fact]
    public void Datagram_without_a_method_token_is_dropped_without_an_answer()
    {
        var raw = RawUdp();
        raw.Send(Encoding.ASCII.GetBytes(Options().Replace("OPTIONS sip:server@192.0.2.10 SIP/2.0", "<OPTIONS> sip:server@192.0.2.10 SIP/2.0", StringComparison.Ordinal)), Server);
        _loop.RunFor(TimeSpan.FromSeconds(1));
        Assert.Empty(_received);
        Assert.Equal(1, _stack.Transport.Counters.MalformedDatagrams);
    }

    [Theory]
    [InlineData("Require: nonsense-extension\r\n", "SIP/2.0 420")]
    [InlineData("Max-Forwards: 70\r\n", "SIP/2.0 400")]
    public void Requests_the_validator_refuses_are_answered_with_its_status(string extra, string expected)
    {
        var raw = RawUdp();
        raw.Send(Encoding.ASCII.GetBytes(Options(extra: extra)), Server);
        _loop.RunFor(TimeSpan.FromSeconds(1));
        Assert.StartsWith(expected, Assert.Single(_received).Text, StringComparison.Ordinal);
        Assert.Equal(1, _stack.RequestsRejected);
        Assert.Equal(0, _stack.Transactions.Counters.ServerTransactions);
    }

    [Fact]
    public void Response_goes_to_the_source_port_with_received_and_rport_filled_in()
    {
        var raw = RawUdp(41234);
        raw.Send(Encoding.ASCII.GetBytes(Options(via: "SIP/2.0/UDP 10.0.0.99:5070;branch=z9hG4bKnat1;rport")), Server);
        _loop.RunFor(TimeSpan.FromSeconds(1));
        var answer = Assert.Single(_received);
        Assert.Contains("received=192.0.2.20", answer.Text, StringComparison.Ordinal);
        Assert.Contains("rport=41234", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Retransmitted_request_over_udp_is_answered_from_the_transaction()
    {
        var raw = RawUdp();
        var bytes = Encoding.ASCII.GetBytes(Options());
        raw.Send(bytes, Server);
        _loop.RunFor(TimeSpan.FromMilliseconds(100));
        raw.Send(bytes, Server);
        _loop.RunFor(TimeSpan.FromMilliseconds(100));
        Assert.Equal(2, _received.Count);
        Assert.Equal(1, _stack.Transactions.Counters.ServerTransactions);
        Assert.Equal(1, _stack.Transactions.Counters.RequestsAbsorbed);
    }

    [Fact]
    public void Stream_input_in_one_byte_pieces_is_framed_and_keepalives_are_answered()
    {
        var client = new RecordingHandler();
        var connection = _peer.Connect(Server, client);
        _loop.RunFor(TimeSpan.FromMilliseconds(50));
        var bytes = Encoding.ASCII.GetBytes(Options(via: "SIP/2.0/TCP 192.0.2.20:40000;branch=z9hG4bKtcp1"));
        foreach (var b in bytes) connection.Send([b]);
        connection.Send("\r\n\r\n"u8);
        _loop.RunFor(TimeSpan.FromSeconds(1));
        var text = Encoding.ASCII.GetString(client.Bytes.ToArray());
        Assert.StartsWith("SIP/2.0 200 OK", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\n", text, StringComparison.Ordinal);
        Assert.Equal(1, _stack.Transport.Counters.KeepAlives);
        Assert.True(connection.IsOpen);
    }

    [Fact]
    public void Malformed_stream_closes_only_that_connection()
    {
        var bad = new RecordingHandler();
        var good = new RecordingHandler();
        var badConnection = _peer.Connect(Server, bad);
        var goodConnection = _peer.Connect(Server, good);
        _loop.RunFor(TimeSpan.FromMilliseconds(50));
        badConnection.Send(Encoding.ASCII.GetBytes("OPTIONS sip:x SIP/2.0\r\nContent-Length: banana\r\n\r\n"));
        goodConnection.Send(Encoding.ASCII.GetBytes(Options(via: "SIP/2.0/TCP 192.0.2.20:40001;branch=z9hG4bKtcp2")));
        _loop.RunFor(TimeSpan.FromSeconds(1));
        Assert.NotNull(bad.ClosedReason);
        Assert.True(goodConnection.IsOpen);
        Assert.StartsWith("SIP/2.0 200", Encoding.ASCII.GetString(good.Bytes.ToArray()), StringComparison.Ordinal);
        Assert.Equal(1, _stack.Transport.Counters.MalformedStreamsClosed);
    }

    [Fact]
    public void Fuzzed_datagrams_never_stop_the_engine()
    {
        var raw = RawUdp();
        var random = new DeterministicRandom(99);
        var template = Encoding.ASCII.GetBytes(Options());
        for (var i = 0; i < 2000; i++)
        {
            var copy = (byte[])template.Clone();
            for (var flips = 0; flips < 3; flips++) copy[random.Next(copy.Length)] = (byte)random.Next(256);
            raw.Send(copy.AsSpan(0, random.Next(copy.Length) + 1), Server);
        }
        _loop.RunFor(TimeSpan.FromSeconds(5));
        _received.Clear();
        raw.Send(Encoding.ASCII.GetBytes(Options(via: "SIP/2.0/UDP 192.0.2.20:40000;branch=z9hG4bKafter")), Server);
        _loop.RunFor(TimeSpan.FromSeconds(1));
        Assert.Contains(_received, r => r.Text.StartsWith("SIP/2.0 200", StringComparison.Ordinal) && r.Text.Contains("z9hG4bKafter", StringComparison.Ordinal));
        Assert.True(_stack.Transport.Counters.MalformedDatagrams + _stack.RequestsRejected > 0);
        Assert.Equal(0, _stack.HandlerFaults);
    }

    [Fact]
    public void Via_stamping_follows_rfc_3581()
    {
        var source = new IPEndPoint(IPAddress.Parse("198.51.100.7"), 61000);
        Assert.Null(SipResponseRouting.StampReceived(SipVia.Create("UDP", "198.51.100.7", 5060, "z9hG4bKa"), source));
        var nat = SipResponseRouting.StampReceived(SipVia.Create("UDP", "10.0.0.1", 5060, "z9hG4bKa"), source)!;
        Assert.Equal("198.51.100.7", nat.Received);
        Assert.Null(nat.RPort);
        SipVia.TryParse("SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bKa;rport", out var withRport);
        var stamped = SipResponseRouting.StampReceived(withRport!, source)!;
        Assert.Equal(61000, stamped.RPort);
        Assert.Equal("198.51.100.7", stamped.Received);
        Assert.Equal(source, SipResponseRouting.Destination(stamped, new SipEndPoint(SipTransportProtocol.Udp, source)).Address);
    }

    private sealed class RecordingHandler : IStreamHandler
    {
        public List<byte> Bytes { get; } = new();
        public string? ClosedReason { get; private set; }
        public void OnConnected(IStreamConnection connection) { }
        public void OnData(IStreamConnection connection, ReadOnlySpan<byte> data) => Bytes.AddRange(data.ToArray());
        public void OnClosed(IStreamConnection connection, string reason) => ClosedReason = reason;
    }
}
