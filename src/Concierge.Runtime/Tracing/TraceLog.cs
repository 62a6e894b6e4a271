using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Concierge.Runtime.Tracing;

/// <summary>
/// The trace of one run: every record goes into a running SHA-256 (the run's identity), the last lines are kept for
/// failure reports, and all lines can be streamed to a writer. Records are stamped with the clock's elapsed time.
/// </summary>
public sealed class TraceLog : ITrace
{
    private readonly TimeProvider _clock;
    private readonly long _startTimestamp;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly RecentLine[] _recent;
    private readonly byte[] _encodeBuffer = new byte[4096];
    private char[] _lineBuffer = new char[1024];
    private int _recentNext;
    private long _count;

    /// <summary>Creates a trace on <paramref name="clock"/>, keeping the last <paramref name="recentCapacity"/> lines.</summary>
    public TraceLog(TimeProvider clock, int recentCapacity = 40, TextWriter? fullTrace = null)
    {
        if (recentCapacity <= 0) throw new ArgumentOutOfRangeException(nameof(recentCapacity), recentCapacity, "must be positive");
        _clock = clock;
        _startTimestamp = clock.GetTimestamp();
        _recent = new RecentLine[recentCapacity];
        FullTrace = fullTrace;
    }

    /// <summary>Receives every line when set.</summary>
    public TextWriter? FullTrace { get; set; }

    /// <inheritdoc />
    public bool IsEnabled => true;

    /// <summary>How many records were made.</summary>
    public long Count => _count;

    /// <inheritdoc />
    public void Record(string source, string text) => Record(source, text, text);

    /// <inheritdoc />
    public void Record(string source, ReadOnlySpan<char> text) => Record(source, text, null);

    /// <summary>Hashes the line; keeps the text for the recent lines (a string only when one was passed or asked for).</summary>
    private void Record(string source, ReadOnlySpan<char> text, string? textString)
    {
        var elapsed = _clock.GetElapsedTime(_startTimestamp);
        var line = FormatLine(elapsed, source, text);
        var byteCount = Encoding.UTF8.GetMaxByteCount(line.Length) + 1;
        var buffer = byteCount <= _encodeBuffer.Length ? _encodeBuffer : new byte[byteCount];
        var written = Encoding.UTF8.GetBytes(line, buffer);
        buffer[written] = (byte)'\n';
        _hash.AppendData(buffer, 0, written + 1);
        _recent[_recentNext].Set(elapsed, source, text, textString);
        _recentNext = (_recentNext + 1) % _recent.Length;
        _count++;
        FullTrace?.WriteLine(line);
    }

    /// <summary>Writes "elapsed source text" into the line buffer (grown as needed) without allocating a string.</summary>
    private ReadOnlySpan<char> FormatLine(TimeSpan elapsed, string source, ReadOnlySpan<char> text)
    {
        var needed = 32 + source.Length + text.Length;
        if (_lineBuffer.Length < needed) _lineBuffer = new char[Math.Max(needed, _lineBuffer.Length * 2)];
        var span = _lineBuffer.AsSpan();
        var n = WriteElapsed(elapsed, span);
        span[n++] = ' ';
        source.CopyTo(span[n..]);
        n += source.Length;
        span[n++] = ' ';
        text.CopyTo(span[n..]);
        n += text.Length;
        return span[..n];
    }

    /// <summary>Writes h:mm:ss.fff (same text as <see cref="FormatElapsed"/>) by hand: it runs for every trace line.</summary>
    private static int WriteElapsed(TimeSpan elapsed, Span<char> destination)
    {
        if (elapsed < TimeSpan.Zero || !((int)elapsed.TotalHours).TryFormat(destination, out var n, default, CultureInfo.InvariantCulture))
        {
            var text = FormatElapsed(elapsed);
            text.CopyTo(destination);
            return text.Length;
        }
        destination[n++] = ':';
        n = TwoDigits(destination, n, elapsed.Minutes);
        destination[n++] = ':';
        n = TwoDigits(destination, n, elapsed.Seconds);
        destination[n++] = '.';
        var ms = elapsed.Milliseconds;
        destination[n++] = (char)('0' + ms / 100);
        return TwoDigits(destination, n, ms % 100);
    }

    private static int TwoDigits(Span<char> destination, int at, int value)
    {
        destination[at] = (char)('0' + value / 10);
        destination[at + 1] = (char)('0' + value % 10);
        return at + 2;
    }

    /// <summary>The run's identity so far: the first 8 bytes of the SHA-256 over all records, as 16 hex digits.</summary>
    public string HashHex()
    {
        Span<byte> digest = stackalloc byte[32];
        _hash.GetCurrentHash(digest);
        return Convert.ToHexStringLower(digest[..8]);
    }

    /// <summary>The most recent lines, oldest first.</summary>
    public IReadOnlyList<string> RecentLines()
    {
        var lines = new List<string>(_recent.Length);
        for (var i = 0; i < _recent.Length; i++)
        {
            ref readonly var line = ref _recent[(_recentNext + i) % _recent.Length];
            if (line.Source is not null) lines.Add(string.Create(CultureInfo.InvariantCulture, $"{FormatElapsed(line.Elapsed)} {line.Source} {line.Text}"));
        }
        return lines;
    }

    /// <summary>Formats a virtual elapsed time as h:mm:ss.fff.</summary>
    public static string FormatElapsed(TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalHours}:{elapsed.Minutes:00}:{elapsed.Seconds:00}.{elapsed.Milliseconds:000}");

    /// <summary>One slot of the recent lines: the text as given (a string) or copied into the slot's own buffer.</summary>
    private struct RecentLine
    {
        private string? _text;
        private char[]? _chars;
        private int _length;

        public TimeSpan Elapsed { get; private set; }

        public string? Source { get; private set; }

        public readonly string Text => _text ?? new string(_chars!, 0, _length);

        public void Set(TimeSpan elapsed, string source, ReadOnlySpan<char> text, string? textString)
        {
            Elapsed = elapsed;
            Source = source;
            _text = textString;
            if (textString is not null) return;
            if (_chars is null || _chars.Length < text.Length) _chars = new char[Math.Max(text.Length, 128)];
            text.CopyTo(_chars);
            _length = text.Length;
        }
    }
}
