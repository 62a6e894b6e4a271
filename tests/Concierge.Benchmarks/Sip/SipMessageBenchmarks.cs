using System.Text;
using BenchmarkDotNet.Attributes;
using Concierge.Sip.Message;
using Concierge.Sip.Parsing;

namespace Concierge.Benchmarks.Sip;

/// <summary>Parse and serialize a typical ~900-byte INVITE with SDP (goal: ≥ 500,000 parses/s on one core, ≤ 2 KB per parse).</summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class SipMessageBenchmarks
{
    private const string Sdp =
        "v=0\r\no=cps 2890844526 2890844526 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n" +
        "m=audio 49170 RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=ptime:20\r\na=sendrecv\r\n";

    private static readonly string Invite =
        "INVITE sip:+4989700712345@pbx.example.com;user=phone SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "From: \"Attendant 1\" <sip:4711@cps.example.com>;tag=1928301774\r\n" +
        "To: <sip:+4989700712345@pbx.example.com;user=phone>\r\n" +
        "Call-ID: a84b4c76e66710@cps.example.com\r\n" +
        "CSeq: 314159 INVITE\r\n" +
        "Contact: <sip:4711@192.0.2.10:5060;transport=udp>\r\n" +
        "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, UPDATE, REFER, NOTIFY, INFO\r\n" +
        "Supported: timer, replaces, 100rel\r\n" +
        "Session-Expires: 1800;refresher=uac\r\n" +
        "P-Asserted-Identity: \"Attendant 1\" <sip:4711@cps.example.com>\r\n" +
        "User-Agent: Concierge/1.0\r\n" +
        "Content-Type: application/sdp\r\n" +
        "Content-Length: " + Encoding.ASCII.GetByteCount(Sdp) + "\r\n\r\n" + Sdp;

    private readonly byte[] _bytes = Encoding.ASCII.GetBytes(Invite);

    /// <summary>Size of the benchmarked INVITE in bytes.</summary>
    public static int MessageBytes => Encoding.ASCII.GetByteCount(Invite);
    private SipMessage _parsed = null!;

    /// <summary>Parses once for the serialize benchmark.</summary>
    [GlobalSetup]
    public void Setup()
    {
        if (!SipParser.TryParse(_bytes, out var message, out var error))
        {
            throw new InvalidOperationException(error.ToString());
        }
        _parsed = message!;
    }

    /// <summary>Size of the benchmarked message.</summary>
    [Benchmark(Baseline = true)]
    public SipMessage Parse()
    {
        SipParser.TryParse(_bytes, out var message, out _);
        return message!;
    }

    /// <summary>Parse plus what a transaction layer reads on every message: top Via branch, From/To tags, Call-ID, CSeq.</summary>
    [Benchmark]
    public int ParseAndReadTransactionKeys()
    {
        SipParser.TryParse(_bytes, out var message, out _);
        var m = message!;
        return m.TopVia!.Branch!.Length + m.From!.Tag!.Length + (m.To!.Tag?.Length ?? 0) + m.CallId!.Length + (int)m.CSeq!.Value.Number;
    }

    /// <summary>Parses a buffer the transport hands over (no copy of the message bytes).</summary>
    [Benchmark]
    public SipMessage ParseOwned()
    {
        SipParser.TryParseOwned(_bytes, 0, _bytes.Length, SipParserLimits.Default, out var message, out _);
        return message!;
    }

    /// <summary>Owned-buffer parse plus the transaction keys.</summary>
    [Benchmark]
    public int ParseOwnedAndReadTransactionKeys()
    {
        SipParser.TryParseOwned(_bytes, 0, _bytes.Length, SipParserLimits.Default, out var message, out _);
        var m = message!;
        return m.TopVia!.Branch!.Length + m.From!.Tag!.Length + (m.To!.Tag?.Length ?? 0) + m.CallId!.Length + (int)m.CSeq!.Value.Number;
    }

    /// <summary>Serializes the parsed message (received bytes reused).</summary>
    [Benchmark]
    public byte[] Serialize() => _parsed.ToBytes();
}
