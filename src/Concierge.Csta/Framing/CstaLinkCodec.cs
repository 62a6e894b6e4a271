using System.Buffers;
using Concierge.Csta.Codec;
using Concierge.Csta.Messages;

namespace Concierge.Csta.Framing;

/// <summary>
/// Frames plus XML for one CSTA link, without I/O: bytes in → decoded messages out; messages in → framed bytes out.
/// A frame whose XML is bad is reported and the link goes on; a stream that cannot be framed must be closed.
/// </summary>
public sealed class CstaLinkCodec
{
    /// <summary>The invoke id switches put on unsolicited events.</summary>
    public const int EventInvokeId = 9999;

    private readonly ICstaFraming _framing;
    private readonly ICstaFrameDecoder _decoder;
    private readonly CstaXmlCodec _xml;
    private readonly ArrayBufferWriter<byte> _payload = new(1024);
    private Action<CstaInbound>? _sink;

    /// <summary>
    /// Creates a link codec over <paramref name="framing"/> (default: the 8-byte invoke-id header) speaking
    /// <paramref name="dialect"/> (default: plain edition 3).
    /// </summary>
    public CstaLinkCodec(ICstaFraming? framing = null, CstaDialect? dialect = null)
    {
        _xml = new CstaXmlCodec(dialect);
        _framing = framing ?? InvokeIdHeaderFraming.Instance;
        _decoder = _framing.CreateDecoder();
    }

    /// <summary>Frames received.</summary>
    public long FramesReceived { get; private set; }

    /// <summary>Frames whose XML could not be decoded (events of unknown types, ignored, are not counted here).</summary>
    public long DecodeErrors { get; private set; }

    /// <summary>Frames written.</summary>
    public long FramesSent { get; private set; }

    /// <summary>The XML codec (its counters show decoder faults).</summary>
    public CstaXmlCodec Xml => _xml;

    /// <summary>Why the incoming stream was refused, once it has been.</summary>
    public string? FailureReason => _decoder.FailureReason;

    /// <summary>
    /// Consumes received bytes; <paramref name="onMessage"/> is called for every frame (decoded or not). Returns null,
    /// or the reason the link must be closed.
    /// </summary>
    public string? Receive(ReadOnlySpan<byte> data, Action<CstaInbound> onMessage)
    {
        _sink = onMessage;
        try
        {
            return _decoder.Feed(data, OnFrame);
        }
        finally
        {
            _sink = null;
        }
    }

    /// <summary>Writes <paramref name="message"/> as one frame; returns null or why it could not be written.</summary>
    public string? TryWrite(int invokeId, CstaMessage message, IBufferWriter<byte> output)
    {
        _payload.ResetWrittenCount();
        if (_xml.TryEncode(message, _payload) is { } encodeError) return encodeError;
        if (_framing.TryWriteFrame(invokeId, _payload.WrittenSpan, output) is { } frameError) return frameError;
        FramesSent++;
        return null;
    }

    private void OnFrame(int invokeId, ReadOnlySpan<byte> payload)
    {
        FramesReceived++;
        var result = _xml.Decode(payload);
        if (!result.IsSuccess && !result.Ignored) DecodeErrors++;
        _sink?.Invoke(new CstaInbound(invokeId, result));
    }
}
