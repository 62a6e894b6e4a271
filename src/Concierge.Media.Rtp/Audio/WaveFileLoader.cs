using Concierge.Media.Rtp.Codec;
using NAudio.Wave;
using NAudio.Wave.SampleProviders;

namespace Concierge.Media.Rtp.Audio;

/// <summary>
/// Reads a WAV file into 8 kHz mono 16-bit samples with NAudio: PCM or IEEE float at any rate and one or two
/// channels is mixed down and resampled (WDL resampler); G.711 µ-law and A-law files are decoded as they are.
/// </summary>
public static class WaveFileLoader
{
    /// <summary>Longest sound accepted (a larger file is refused rather than held in memory).</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(10);

    /// <summary>Reads <paramref name="path"/>; throws <see cref="InvalidDataException"/> naming the file and the problem.</summary>
    public static short[] Load(string path)
    {
        try
        {
            using var reader = new WaveFileReader(path);
            var format = reader.WaveFormat;
            if (format.Channels is < 1 or > 2)
                throw new InvalidDataException($"{path}: {format.Channels} channels; mono or stereo is needed");
            if (reader.TotalTime > MaxDuration)
                throw new InvalidDataException($"{path}: {reader.TotalTime.TotalSeconds:0} s is longer than {MaxDuration.TotalMinutes:0} minutes");
            if (format.Encoding is WaveFormatEncoding.MuLaw or WaveFormatEncoding.ALaw) return ReadG711(reader, path);
            if (format.Encoding is not (WaveFormatEncoding.Pcm or WaveFormatEncoding.IeeeFloat or WaveFormatEncoding.Extensible))
                throw new InvalidDataException($"{path}: encoding {format.Encoding}; PCM, IEEE float, µ-law or A-law is needed");
            ISampleProvider samples = reader.ToSampleProvider();
            if (format.Channels == 2) samples = new StereoToMonoSampleProvider(samples);
            if (format.SampleRate != AudioClip.SampleRate) samples = new WdlResamplingSampleProvider(samples, AudioClip.SampleRate);
            return ToShorts(samples);
        }
        catch (Exception ex) when (ex is FormatException or EndOfStreamException or ArgumentException or NotSupportedException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path}: not a readable WAV file ({ex.Message})", ex);
        }
    }

    private static short[] ToShorts(ISampleProvider samples)
    {
        var result = new List<short>(AudioClip.SampleRate * 10);
        var buffer = new float[4096];
        int read;
        while ((read = samples.Read(buffer.AsSpan())) > 0)
        {
            for (var i = 0; i < read; i++)
                result.Add((short)Math.Round(Math.Clamp(buffer[i], -1f, 1f) * short.MaxValue));
        }
        if (result.Count == 0) throw new InvalidDataException("the file holds no samples");
        return result.ToArray();
    }

    private static short[] ReadG711(WaveFileReader reader, string path)
    {
        var format = reader.WaveFormat;
        if (format.SampleRate != AudioClip.SampleRate || format.Channels != 1)
            throw new InvalidDataException($"{path}: G.711 at {format.SampleRate} Hz with {format.Channels} channels; 8000 Hz mono is needed");
        var codes = new byte[reader.Length];
        var total = 0;
        int read;
        while (total < codes.Length && (read = reader.Read(codes, total, codes.Length - total)) > 0) total += read;
        if (total == 0) throw new InvalidDataException($"{path}: the file holds no samples");
        var samples = new short[total];
        G711.Decode(format.Encoding == WaveFormatEncoding.MuLaw ? MediaCodec.Pcmu : MediaCodec.Pcma, codes.AsSpan(0, total), samples);
        return samples;
    }
}
