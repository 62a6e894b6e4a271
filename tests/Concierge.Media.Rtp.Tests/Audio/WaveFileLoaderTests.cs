using Concierge.Media.Rtp.Audio;
using Concierge.Media.Rtp.Codec;
using NAudio.Wave;

namespace Concierge.Media.Rtp.Tests.Audio;

public sealed class WaveFileLoaderTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("concierge-wav-");

    public void Dispose() => _folder.Delete(recursive: true);

    internal static string WriteTone(string path, int sampleRate, int channels, double seconds, double frequencyHz = 440)
    {
        using var writer = new WaveFileWriter(path, new WaveFormat(sampleRate, 16, channels));
        var frames = (int)(sampleRate * seconds);
        for (var i = 0; i < frames; i++)
        {
            var value = (short)(8000 * Math.Sin(2 * Math.PI * frequencyHz * i / sampleRate));
            for (var c = 0; c < channels; c++) writer.WriteSample(value / 32768f);
        }
        return path;
    }

    [Fact]
    public void An_8_kHz_mono_file_is_read_sample_for_sample()
    {
        var path = WriteTone(Path.Combine(_folder.FullName, "a.wav"), 8000, 1, 0.5);
        var samples = WaveFileLoader.Load(path);
        Assert.Equal(4000, samples.Length);
        Assert.InRange(samples.Max(), 7900, 8100);
    }

    [Fact]
    public void A_44_kHz_stereo_file_is_mixed_down_and_resampled_to_8_kHz()
    {
        var path = WriteTone(Path.Combine(_folder.FullName, "b.wav"), 44100, 2, 1.0);
        var samples = WaveFileLoader.Load(path);
        Assert.InRange(samples.Length, 7900, 8100);
        // The 440 Hz tone survives the resampler: about 880 zero crossings a second.
        var crossings = 0;
        for (var i = 1; i < samples.Length; i++) if ((samples[i - 1] < 0) != (samples[i] < 0)) crossings++;
        Assert.InRange(crossings, 860, 900);
    }

    [Fact]
    public void A_mu_law_file_is_decoded()
    {
        var path = Path.Combine(_folder.FullName, "c.wav");
        using (var writer = new WaveFileWriter(path, WaveFormat.CreateMuLawFormat(8000, 1)))
            writer.Write([G711.EncodeMuLaw(1000), G711.EncodeMuLaw(-1000), G711.MuLawSilence], 0, 3);
        Assert.Equal(new short[] { G711.DecodeMuLaw(0xCE), G711.DecodeMuLaw(0x4E), 0 }, WaveFileLoader.Load(path));
    }

    [Fact]
    public void A_file_that_is_not_a_wav_is_refused_naming_the_file()
    {
        var path = Path.Combine(_folder.FullName, "broken.wav");
        File.WriteAllText(path, "this is not a RIFF file");
        var error = Assert.Throws<InvalidDataException>(() => WaveFileLoader.Load(path));
        Assert.Contains("broken.wav", error.Message);
    }

    [Fact]
    public void The_library_names_a_missing_file_and_sends_silence_for_it()
    {
        var problems = new List<string>();
        var library = new MediaLibrary(_folder.FullName, name => new MediaFile(name + ".wav", Loops: true), problems.Add);
        Assert.Null(library.ClipFor(new MediaContent(MediaKind.Music, "nothing-here")));
        Assert.Contains(problems, p => p.Contains("nothing-here.wav") && p.Contains("does not exist"));
        Assert.Equal(1, library.Problems);
    }

    [Fact]
    public void The_library_loops_music_and_ends_an_announcement_in_silence()
    {
        WriteTone(Path.Combine(_folder.FullName, "m.wav"), 8000, 1, 0.01); // 80 samples
        var library = new MediaLibrary(_folder.FullName, name => new MediaFile("m.wav", Loops: name == "music"));
        var music = library.ClipFor(new MediaContent(MediaKind.Music, "music"))!;
        var announcement = library.ClipFor(new MediaContent(MediaKind.Announcement, "once"))!;
        var frame = new byte[160];
        Assert.Equal(160, music.Read(MediaCodec.Pcmu, 0, frame));
        Assert.Equal(frame[..80], frame[80..]);
        announcement.Read(MediaCodec.Pcma, 0, frame);
        Assert.All(frame[80..], code => Assert.Equal(G711.ALawSilence, code));
        Assert.Same(ToneClips.Ringback, library.ClipFor(MediaContent.Ringback));
        Assert.Null(library.ClipFor(MediaContent.Silence));
    }
}
