using BenchmarkDotNet.Attributes;
using Concierge.Sip.Message;
using Concierge.Sip.Parsing;
using Concierge.Sip.Tests.Support;

namespace Concierge.Benchmarks.Sip;

/// <summary>Parse and serialize a typical ~900-byte INVITE with SDP (goal: ≥ 500,000 parses/s on one core, ≤ 2 KB per parse).</summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class SipMessageBenchmarks
{
    private readonly byte[] _bytes = SampleMessages.InviteBytes;

    /// <summary>Size of the benchmarked INVITE in bytes.</summary>
    public static int MessageBytes => SampleMessages.InviteBytes.Length;
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
