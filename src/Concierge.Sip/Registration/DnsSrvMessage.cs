using System.Buffers.Binary;
using System.Text;

namespace Concierge.Sip.Registration;

/// <summary>
/// The two DNS messages an SRV lookup needs (RFC 1035 §4, RFC 2782): the query, and the SRV records of the answer
/// (names may be compressed). Parsing is bounded and never throws on malformed input.
/// </summary>
public static class DnsSrvMessage
{
    private const ushort SrvType = 33;
    private const ushort InternetClass = 1;

    /// <summary>A recursive query for the SRV records of <paramref name="name"/> with transaction id <paramref name="id"/>.</summary>
    public static byte[] Query(ushort id, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var bytes = new List<byte>(32 + name.Length);
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt16BigEndian(header, id);
        BinaryPrimitives.WriteUInt16BigEndian(header[2..], 0x0100);
        BinaryPrimitives.WriteUInt16BigEndian(header[4..], 1);
        bytes.AddRange(header.ToArray());
        foreach (var label in name.TrimEnd('.').Split('.'))
        {
            var encoded = Encoding.ASCII.GetBytes(label);
            if (encoded.Length is 0 or > 63) throw new ArgumentException($"bad DNS label in '{name}'", nameof(name));
            bytes.Add((byte)encoded.Length);
            bytes.AddRange(encoded);
        }
        bytes.Add(0);
        bytes.AddRange([0, (byte)SrvType, 0, (byte)InternetClass]);
        return bytes.ToArray();
    }

    /// <summary>Reads the SRV answers of a response to query <paramref name="id"/>; false when it is not a usable answer.</summary>
    public static bool TryParseAnswer(ReadOnlySpan<byte> message, ushort id, out IReadOnlyList<SipSrvRecord> records)
    {
        records = [];
        if (message.Length < 12 || BinaryPrimitives.ReadUInt16BigEndian(message) != id) return false;
        var flags = BinaryPrimitives.ReadUInt16BigEndian(message[2..]);
        if ((flags & 0x8000) == 0) return false;
        var rcode = flags & 0x000F;
        var questions = BinaryPrimitives.ReadUInt16BigEndian(message[4..]);
        var answers = BinaryPrimitives.ReadUInt16BigEndian(message[6..]);
        if (rcode == 3)
        {
            return true;
        }
        if (rcode != 0) return false;
        var pos = 12;
        for (var i = 0; i < questions; i++)
        {
            if (!TryReadName(message, ref pos, out _) || pos + 4 > message.Length) return false;
            pos += 4;
        }
        var list = new List<SipSrvRecord>();
        for (var i = 0; i < answers && i < 256; i++)
        {
            if (!TryReadName(message, ref pos, out _) || pos + 10 > message.Length) return false;
            var type = BinaryPrimitives.ReadUInt16BigEndian(message[pos..]);
            var length = BinaryPrimitives.ReadUInt16BigEndian(message[(pos + 8)..]);
            pos += 10;
            if (pos + length > message.Length) return false;
            if (type == SrvType && length >= 7)
            {
                var priority = BinaryPrimitives.ReadUInt16BigEndian(message[pos..]);
                var weight = BinaryPrimitives.ReadUInt16BigEndian(message[(pos + 2)..]);
                var port = BinaryPrimitives.ReadUInt16BigEndian(message[(pos + 4)..]);
                var targetPos = pos + 6;
                if (!TryReadName(message, ref targetPos, out var target)) return false;
                if (target.Length > 0) list.Add(new SipSrvRecord(priority, weight, port, target));
            }
            pos += length;
        }
        records = list;
        return true;
    }

    /// <summary>Reads a possibly compressed name at <paramref name="pos"/>, leaving pos after it.</summary>
    private static bool TryReadName(ReadOnlySpan<byte> message, ref int pos, out string name)
    {
        var builder = new StringBuilder();
        var cursor = pos;
        var jumped = false;
        for (var steps = 0; steps < 128; steps++)
        {
            if (cursor >= message.Length)
            {
                name = string.Empty;
                return false;
            }
            var length = message[cursor];
            if (length == 0)
            {
                if (!jumped) pos = cursor + 1;
                name = builder.ToString();
                return true;
            }
            if ((length & 0xC0) == 0xC0)
            {
                if (cursor + 1 >= message.Length)
                {
                    name = string.Empty;
                    return false;
                }
                var target = ((length & 0x3F) << 8) | message[cursor + 1];
                if (!jumped) pos = cursor + 2;
                jumped = true;
                cursor = target;
                continue;
            }
            if ((length & 0xC0) != 0 || cursor + 1 + length > message.Length)
            {
                name = string.Empty;
                return false;
            }
            if (builder.Length > 0) builder.Append('.');
            builder.Append(Encoding.ASCII.GetString(message.Slice(cursor + 1, length)));
            cursor += 1 + length;
        }
        name = string.Empty;
        return false;
    }
}
