using Concierge.Media.Rtp.Codec;

namespace Concierge.Media.Rtp.Audio;

/// <summary>
/// A sound at 8 kHz mono, kept G.711-encoded in both laws so that a 20 ms frame is a copy. A looping clip starts over
/// at its end (music on hold, tones); any other ends in silence (an announcement, a greeting).
/// </summary>
public sealed class AudioClip
{
    /// <summary>Samples a second.</summary>
    public const int SampleRate = 8000;

    private readonly byte[] _muLaw;
    private readonly byte[] _aLaw;

    /// <summary>A clip of <paramref name="samples"/> (8 kHz, 16-bit linear).</summary>
    public AudioClip(string name, ReadOnlySpan<short> samples, bool loops)
    {
        if (samples.IsEmpty) throw new ArgumentException($"{name}: the sound has no samples", nameof(samples));
        Name = name;
        Loops = loops;
        _muLaw = new byte[samples.Length];
        _aLaw = new byte[samples.Length];
        G711.Encode(MediaCodec.Pcmu, samples, _muLaw);
        G711.Encode(MediaCodec.Pcma, samples, _aLaw);
    }

    /// <summary>Where the clip came from (a file name, or the tone's name).</summary>
    public string Name { get; }

    /// <summary>True when the clip starts over at its end.</summary>
    public bool Loops { get; }

    /// <summary>Samples in the clip.</summary>
    public int Length => _muLaw.Length;

    /// <summary>How long the clip lasts once.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds((double)Length / SampleRate);

    /// <summary>A clip of the same sound that loops or not as <paramref name="loops"/> says.</summary>
    public AudioClip WithLoops(bool loops) => loops == Loops ? this : new AudioClip(this, loops);

    /// <summary>
    /// Copies the codes from <paramref name="position"/> into <paramref name="frame"/> (looping, or silence past the end)
    /// and returns the position after them.
    /// </summary>
    public long Read(MediaCodec codec, long position, Span<byte> frame)
    {
        var codes = codec == MediaCodec.Pcmu ? _muLaw : _aLaw;
        var written = 0;
        while (written < frame.Length)
        {
            var at = Loops ? position % codes.Length : position;
            if (at >= codes.Length)
            {
                frame[written..].Fill(G711.SilenceOf(codec));
                return position + frame.Length - written;
            }
            var count = (int)Math.Min(frame.Length - written, codes.Length - at);
            codes.AsSpan((int)at, count).CopyTo(frame[written..]);
            written += count;
            position += count;
        }
        return position;
    }

    private AudioClip(AudioClip other, bool loops)
    {
        Name = other.Name;
        Loops = loops;
        _muLaw = other._muLaw;
        _aLaw = other._aLaw;
    }
}
