using System.Buffers;
using BenchmarkDotNet.Attributes;
using Concierge.Csta.Codec;
using Concierge.Csta.Framing;
using Concierge.Csta.Messages;

namespace Concierge.Benchmarks.Csta;

/// <summary>Encode + decode of one DeliveredEvent, bare XML and framed; goal ≥ 200,000 round trips per second on one core.</summary>
[MemoryDiagnoser]
public class DeliveredEventCodecBenchmarks
{
    private readonly CstaXmlCodec _codec = new();
    private readonly CstaLinkCodec _sender = new();
    private readonly CstaLinkCodec _receiver = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Action<CstaInbound> _sink;
    private CstaMessage? _received;

    private readonly DeliveredEvent _event = new("17", new ConnectionId("4711", "3001"), EventDevice.Of("3001"),
        EventDevice.Of("004989700700"), EventDevice.Of("3001"), EventDevice.Of("3500"), LocalConnectionState.Alerting, EventCause.NewCall)
    {
        PrivateData = PrivateData.ForOnsOnd("3001", "3901"),
    };

    private readonly byte[] _encoded;

    /// <summary>Creates the benchmark.</summary>
    public DeliveredEventCodecBenchmarks()
    {
        _sink = inbound => _received = inbound.Result.Message;
        _encoded = _codec.TryEncode(_event, out _)!;
    }

    /// <summary>XML only: encode into a reused buffer, decode back into a record.</summary>
    [Benchmark(Baseline = true)]
    public CstaMessage? EncodeDecodeXml()
    {
        _buffer.ResetWrittenCount();
        _codec.TryEncode(_event, _buffer);
        return _codec.Decode(_buffer.WrittenSpan).Message;
    }

    /// <summary>Encode only.</summary>
    [Benchmark]
    public int EncodeXml()
    {
        _buffer.ResetWrittenCount();
        _codec.TryEncode(_event, _buffer);
        return _buffer.WrittenCount;
    }

    /// <summary>Decode only.</summary>
    [Benchmark]
    public CstaMessage? DecodeXml() => _codec.Decode(_encoded).Message;

    /// <summary>XML plus the 8-byte frame header on both sides, as on the TCP link.</summary>
    [Benchmark]
    public CstaMessage? EncodeDecodeFramed()
    {
        _buffer.ResetWrittenCount();
        _sender.TryWrite(CstaLinkCodec.EventInvokeId, _event, _buffer);
        _receiver.Receive(_buffer.WrittenSpan, _sink);
        return _received;
    }
}
