using Concierge.Csta.Codec;
using Concierge.Csta.Framing;

namespace Concierge.Csta.Traces;

/// <summary>
/// Reads the CSTA documents of a trace file: framed (each document behind the 8-byte OSV header: two zero bytes, the
/// length, four invoke-id digits) or bare XML (one or more documents, each starting with its XML declaration). A
/// file that breaks off or cannot be framed yields a document entry with the reason and the offset where it went
/// wrong; nothing is thrown.
/// </summary>
public sealed class CstaTraceReader(CstaXmlCodec codec)
{
    /// <summary>Largest trace file read.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>Every document in <paramref name="bytes"/>, read from file <paramref name="file"/>.</summary>
    public IEnumerable<DecodedDocument> Read(string file, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0) return [Failure(file, 0, null, "empty file")];
        return bytes.Length >= 2 && bytes[0] == 0 && bytes[1] == 0 ? ReadFramed(file, bytes) : ReadBare(file, bytes);
    }

    private IEnumerable<DecodedDocument> ReadFramed(string file, byte[] bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            var left = bytes.Length - offset;
            if (left < InvokeIdHeaderFraming.HeaderBytes)
            {
                yield return Failure(file, offset, null, $"{left} bytes left, fewer than the {InvokeIdHeaderFraming.HeaderBytes}-byte frame header");
                yield break;
            }
            if (bytes[offset] != 0 || bytes[offset + 1] != 0)
            {
                yield return Failure(file, offset, null, $"frame header starts with 0x{bytes[offset]:X2} 0x{bytes[offset + 1]:X2}, not 0x00 0x00");
                yield break;
            }
            var total = (bytes[offset + 2] << 8) | bytes[offset + 3];
            int? invokeId = 0;
            for (var i = 4; i < 8; i++)
            {
                var digit = bytes[offset + i] - '0';
                if ((uint)digit > 9)
                {
                    invokeId = null;
                    break;
                }
                invokeId = invokeId * 10 + digit;
            }
            if (invokeId is null)
            {
                yield return Failure(file, offset, null, "invoke id in the frame header is not four ASCII digits");
                yield break;
            }
            if (total < InvokeIdHeaderFraming.HeaderBytes)
            {
                yield return Failure(file, offset, invokeId, $"frame length {total} is shorter than the header");
                yield break;
            }
            if (total > left)
            {
                yield return Failure(file, offset, invokeId, $"frame announces {total} bytes but only {left} are left (file cut off)");
                yield break;
            }
            yield return Decode(file, offset, invokeId, bytes.AsSpan(offset + InvokeIdHeaderFraming.HeaderBytes, total - InvokeIdHeaderFraming.HeaderBytes));
            offset += total;
        }
    }

    private IEnumerable<DecodedDocument> ReadBare(string file, byte[] bytes)
    {
        var starts = DocumentStarts(bytes);
        for (var i = 0; i < starts.Count; i++)
        {
            var start = starts[i];
            var end = i + 1 < starts.Count ? starts[i + 1] : bytes.Length;
            var span = bytes.AsSpan(start, end - start);
            var trimmed = span.TrimEnd(" \t\r\n"u8);
            if (trimmed.IsEmpty) continue;
            yield return Decode(file, start, null, trimmed);
        }
    }

    /// <summary>Where each bare document begins: at every XML declaration, or (without any) where the content begins.</summary>
    private static List<int> DocumentStarts(byte[] bytes)
    {
        var starts = new List<int>();
        var span = bytes.AsSpan();
        var from = 0;
        while (from < span.Length)
        {
            var at = span[from..].IndexOf("<?xml"u8);
            if (at < 0) break;
            starts.Add(from + at);
            from += at + 5;
        }
        var first = span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        while (first < span.Length && span[first] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') first++;
        if (starts.Count == 0 || starts[0] > first) starts.Insert(0, first);
        return starts;
    }

    private DecodedDocument Decode(string file, long offset, int? invokeId, ReadOnlySpan<byte> document)
    {
        var result = codec.Decode(document);
        if (result.Message is { } message) return new DecodedDocument(file, offset, invokeId, result.RootElement, MessageFields.Of(message), null);
        return new DecodedDocument(file, offset, invokeId, result.RootElement, [], result.Error ?? "not decoded") { Ignored = result.Ignored };
    }

    private static DecodedDocument Failure(string file, long offset, int? invokeId, string reason) => new(file, offset, invokeId, null, [], reason);
}
