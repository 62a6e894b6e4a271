using System.Collections.Concurrent;

namespace Concierge.Media.Rtp.Audio;

/// <summary>
/// The sounds the RTP plane sends: tones it makes, and music, announcements and greetings from WAV files in one
/// folder, read once and kept. Which file a name means comes from the configuration (<paramref name="fileOf"/>:
/// an announcement's <c>file:</c> and whether it loops). A file that cannot be read is reported once and sends silence.
/// </summary>
public sealed class MediaLibrary(string folder, Func<string, MediaFile?> fileOf, Action<string>? onProblem = null)
{
    /// <summary>Most files kept at once (a bound, not a limit a configuration reaches).</summary>
    public const int MaxFiles = 512;

    private readonly ConcurrentDictionary<string, AudioClip?> _files = new(StringComparer.Ordinal);
    private readonly Action<string> _onProblem = onProblem ?? (_ => { });
    private long _problems;

    /// <summary>The folder relative file names are taken from.</summary>
    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>Files that could not be read or names with no file (each counted once).</summary>
    public long Problems => Interlocked.Read(ref _problems);

    /// <summary>The clip that sends <paramref name="content"/>, or null for silence (and for a voice, which the CPS never sends itself).</summary>
    public AudioClip? ClipFor(MediaContent content) => content.Kind switch
    {
        MediaKind.Ringback => ToneClips.Ringback,
        MediaKind.BusyTone => ToneClips.BusyTone,
        MediaKind.Music or MediaKind.Announcement or MediaKind.Greeting when content.Label is { } name => FileClip(name, content.Kind == MediaKind.Music),
        _ => null,
    };

    /// <summary>Reads every file of <paramref name="names"/> now (at start) and returns the problems found.</summary>
    public IReadOnlyList<string> Preload(IEnumerable<string> names)
    {
        var problems = new List<string>();
        foreach (var name in names)
        {
            if (FileClip(name, loopsByDefault: false) is null && _lastProblem.TryGetValue(name, out var problem)) problems.Add(problem);
        }
        return problems;
    }

    private readonly ConcurrentDictionary<string, string> _lastProblem = new(StringComparer.Ordinal);

    private AudioClip? FileClip(string name, bool loopsByDefault)
    {
        var clip = _files.GetOrAdd(name, Load);
        return clip?.WithLoops(fileOf(name)?.Loops ?? loopsByDefault);
    }

    private AudioClip? Load(string name)
    {
        if (_files.Count >= MaxFiles) return Problem(name, $"media {name}: more than {MaxFiles} files are in use");
        if (fileOf(name) is not { } file) return Problem(name, $"media {name}: no announcement of that name has a file");
        var path = Path.IsPathRooted(file.Path) ? file.Path : Path.Combine(Folder, file.Path);
        if (!File.Exists(path)) return Problem(name, $"media {name}: file {path} does not exist (sends silence)");
        try
        {
            return new AudioClip(file.Path, WaveFileLoader.Load(path), file.Loops);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return Problem(name, $"media {name}: {ex.Message} (sends silence)");
        }
    }

    private AudioClip? Problem(string name, string text)
    {
        Interlocked.Increment(ref _problems);
        _lastProblem[name] = text;
        _onProblem(text);
        return null;
    }
}

/// <summary>The file a media name stands for (relative to the media folder, or absolute) and whether it loops.</summary>
public sealed record MediaFile(string Path, bool Loops);
