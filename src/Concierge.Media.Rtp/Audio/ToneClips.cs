namespace Concierge.Media.Rtp.Audio;

/// <summary>The call-progress tones the CPS sends itself (ETSI ES 201 970 / German network values: 425 Hz).</summary>
public static class ToneClips
{
    private const double FrequencyHz = 425;
    private const double Amplitude = 0.25 * short.MaxValue;

    /// <summary>Ringing tone: 425 Hz, 1 s on, 4 s off.</summary>
    public static AudioClip Ringback { get; } = Cadence("ringback tone", onMs: 1000, offMs: 4000);

    /// <summary>Busy tone: 425 Hz, 480 ms on, 480 ms off.</summary>
    public static AudioClip BusyTone { get; } = Cadence("busy tone", onMs: 480, offMs: 480);

    /// <summary>A looping cadence of a 425 Hz tone.</summary>
    public static AudioClip Cadence(string name, int onMs, int offMs)
    {
        var on = onMs * AudioClip.SampleRate / 1000;
        var samples = new short[on + offMs * AudioClip.SampleRate / 1000];
        for (var i = 0; i < on; i++)
            samples[i] = (short)Math.Round(Amplitude * Math.Sin(2 * Math.PI * FrequencyHz * i / AudioClip.SampleRate));
        return new AudioClip(name, samples, loops: true);
    }
}
