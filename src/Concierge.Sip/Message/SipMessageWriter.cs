using System.Buffers;
using Concierge.Sip.Headers;

namespace Concierge.Sip.Message;

/// <summary>Serializes messages: start line, headers in order (raw bytes reused), one Content-Length equal to the body length, body.</summary>
internal static class SipMessageWriter
{
    public static byte[] ToBytes(SipMessage message)
    {
        var counter = new SipByteWriter([], counting: true);
        Write(message, ref counter);
        var bytes = new byte[counter.Position];
        var writer = new SipByteWriter(bytes, counting: false);
        Write(message, ref writer);
        return bytes;
    }

    public static void WriteTo(SipMessage message, IBufferWriter<byte> output)
    {
        var counter = new SipByteWriter([], counting: true);
        Write(message, ref counter);
        var span = output.GetSpan(counter.Position);
        var writer = new SipByteWriter(span, counting: false);
        Write(message, ref writer);
        output.Advance(writer.Position);
    }

    private static void Write(SipMessage message, ref SipByteWriter w)
    {
        message.WriteStartLineTo(ref w);
        w.Write("\r\n"u8);
        var headers = message.Headers;
        var wroteLength = false;
        for (var i = 0; i < headers.Count; i++)
        {
            ref readonly var e = ref headers.EntryAt(i);
            if (e.Id == HeaderId.ContentLength)
            {
                if (!wroteLength)
                {
                    WriteContentLength(message, ref w);
                    wroteLength = true;
                }
                continue;
            }
            w.Write(e.Name);
            w.Write(": "u8);
            if (e.IsRaw)
            {
                w.Write(headers.Raw.AsSpan(e.Start, e.Length));
            }
            else
            {
                w.Write(e.Value!);
            }
            w.Write("\r\n"u8);
        }
        if (!wroteLength)
        {
            WriteContentLength(message, ref w);
        }
        w.Write("\r\n"u8);
        w.Write(message.Body.Span);
    }

    private static void WriteContentLength(SipMessage message, ref SipByteWriter w)
    {
        w.Write("Content-Length: "u8);
        w.Write(message.Body.Length);
        w.Write("\r\n"u8);
    }
}
