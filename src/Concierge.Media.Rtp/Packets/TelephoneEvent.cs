using System.Buffers.Binary;

namespace Concierge.Media.Rtp.Packets;

/// <summary>One RFC 4733 telephone-event payload: the event (0-9, *, #, A-D as 0-15), end bit, volume and duration.</summary>
public readonly record struct TelephoneEvent(int Event, bool End, int Volume, int DurationSamples)
{
    /// <summary>Bytes of the payload.</summary>
    public const int Size = 4;

    /// <summary>The DTMF digit of the event, or null for events past 15 (tones other than DTMF).</summary>
    public char? Digit => Event switch
    {
        >= 0 and <= 9 => (char)('0' + Event),
        10 => '*',
        11 => '#',
        >= 12 and <= 15 => (char)('A' + Event - 12),
        _ => null,
    };

    /// <summary>Reads a payload; false when it is shorter than 4 bytes.</summary>
    public static bool TryRead(ReadOnlySpan<byte> payload, out TelephoneEvent telephoneEvent)
    {
        telephoneEvent = default;
        if (payload.Length < Size) return false;
        telephoneEvent = new TelephoneEvent(payload[0], (payload[1] & 0x80) != 0, payload[1] & 0x3F, BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
        return true;
    }

    /// <summary>Writes the payload (4 bytes) into <paramref name="payload"/>.</summary>
    public void Write(Span<byte> payload)
    {
        if (Event is < 0 or > 255) throw new InvalidOperationException($"event {Event} does not fit in 8 bits");
        payload[0] = (byte)Event;
        payload[1] = (byte)((End ? 0x80 : 0) | (Volume & 0x3F));
        BinaryPrimitives.WriteUInt16BigEndian(payload[2..], (ushort)DurationSamples);
    }
}
