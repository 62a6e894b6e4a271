namespace Concierge.Media.Rtp.Codec;

/// <summary>
/// ITU-T G.711 companding of 16-bit linear PCM: µ-law (PCMU) and A-law (PCMA), 8 bits a sample, as the ITU
/// reference implementation (G.191 g711.c) does it. Decoding goes through 256-entry tables.
/// </summary>
public static class G711
{
    private const int MuLawBias = 0x84;
    private const int MuLawClip = 32635;
    private static readonly short[] MuLawTable = BuildTable(DecodeMuLawSlow);
    private static readonly short[] ALawTable = BuildTable(DecodeALawSlow);

    /// <summary>The µ-law code of silence (linear 0).</summary>
    public const byte MuLawSilence = 0xFF;

    /// <summary>The A-law code of silence (linear 0 lies between ±8; this is +8).</summary>
    public const byte ALawSilence = 0xD5;

    /// <summary>µ-law code of one linear sample.</summary>
    public static byte EncodeMuLaw(short sample)
    {
        int pcm = sample;
        var sign = (pcm >> 8) & 0x80;
        if (sign != 0) pcm = -pcm;
        if (pcm > MuLawClip) pcm = MuLawClip;
        pcm += MuLawBias;
        var exponent = 7;
        for (var mask = 0x4000; (pcm & mask) == 0 && exponent > 0; mask >>= 1) exponent--;
        var mantissa = (pcm >> (exponent + 3)) & 0x0F;
        return (byte)~(sign | (exponent << 4) | mantissa);
    }

    /// <summary>Linear sample of one µ-law code.</summary>
    public static short DecodeMuLaw(byte code) => MuLawTable[code];

    /// <summary>A-law code of one linear sample.</summary>
    public static byte EncodeALaw(short sample)
    {
        var pcm = sample >> 3; // 13 significant bits
        int mask;
        if (pcm >= 0)
        {
            mask = 0xD5;
        }
        else
        {
            mask = 0x55;
            pcm = -pcm - 1;
        }
        var segment = 0;
        var end = 0x1F;
        while (segment < 8 && pcm > end)
        {
            segment++;
            end = (end << 1) | 1;
        }
        if (segment >= 8) return (byte)(0x7F ^ mask);
        var value = segment << 4;
        value |= segment < 2 ? (pcm >> 1) & 0x0F : (pcm >> segment) & 0x0F;
        return (byte)(value ^ mask);
    }

    /// <summary>Linear sample of one A-law code.</summary>
    public static short DecodeALaw(byte code) => ALawTable[code];

    /// <summary>Encodes <paramref name="samples"/> into <paramref name="codes"/> (same length) with <paramref name="codec"/>.</summary>
    public static void Encode(MediaCodec codec, ReadOnlySpan<short> samples, Span<byte> codes)
    {
        if (codes.Length < samples.Length) throw new ArgumentException($"{codes.Length} bytes cannot hold {samples.Length} samples", nameof(codes));
        if (codec == MediaCodec.Pcmu)
            for (var i = 0; i < samples.Length; i++) codes[i] = EncodeMuLaw(samples[i]);
        else
            for (var i = 0; i < samples.Length; i++) codes[i] = EncodeALaw(samples[i]);
    }

    /// <summary>Decodes <paramref name="codes"/> into <paramref name="samples"/> (same length) with <paramref name="codec"/>.</summary>
    public static void Decode(MediaCodec codec, ReadOnlySpan<byte> codes, Span<short> samples)
    {
        if (samples.Length < codes.Length) throw new ArgumentException($"{samples.Length} samples cannot hold {codes.Length} codes", nameof(samples));
        var table = codec == MediaCodec.Pcmu ? MuLawTable : ALawTable;
        for (var i = 0; i < codes.Length; i++) samples[i] = table[codes[i]];
    }

    /// <summary>The code of silence in <paramref name="codec"/>.</summary>
    public static byte SilenceOf(MediaCodec codec) => codec == MediaCodec.Pcmu ? MuLawSilence : ALawSilence;

    /// <summary>Re-encodes one code from <paramref name="from"/> into <paramref name="to"/> (for a relay between legs of different codecs).</summary>
    public static byte Transcode(MediaCodec from, MediaCodec to, byte code)
    {
        if (from == to) return code;
        return to == MediaCodec.Pcmu ? EncodeMuLaw(DecodeALaw(code)) : EncodeALaw(DecodeMuLaw(code));
    }

    private static short DecodeMuLawSlow(byte code)
    {
        var u = ~code & 0xFF;
        var t = ((u & 0x0F) << 3) + MuLawBias;
        t <<= (u & 0x70) >> 4;
        return (short)((u & 0x80) != 0 ? MuLawBias - t : t - MuLawBias);
    }

    private static short DecodeALawSlow(byte code)
    {
        var a = code ^ 0x55;
        var t = (a & 0x0F) << 4;
        var segment = (a & 0x70) >> 4;
        switch (segment)
        {
            case 0:
                t += 8;
                break;
            case 1:
                t += 0x108;
                break;
            default:
                t += 0x108;
                t <<= segment - 1;
                break;
        }
        return (short)((a & 0x80) != 0 ? t : -t);
    }

    private static short[] BuildTable(Func<byte, short> decode)
    {
        var table = new short[256];
        for (var i = 0; i < 256; i++) table[i] = decode((byte)i);
        return table;
    }
}
