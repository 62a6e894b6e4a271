using System.Text;

namespace Concierge.Sip.Sdp;

/// <summary>
/// A session description (RFC 4566): session-level lines in order, then the media sections. Typed accessors read and
/// edit the lines; unknown lines are kept, so parse then serialize reproduces the description (with CRLF line ends).
/// </summary>
public sealed class SdpSessionDescription
{
    /// <summary>Most lines accepted in one description.</summary>
    public const int MaxLines = 1024;

    /// <summary>Session-level lines, starting with v=.</summary>
    public List<SdpLine> Lines { get; } = [];

    /// <summary>Media sections in order.</summary>
    public List<SdpMediaDescription> Media { get; } = [];

    /// <summary>Creates `v=0, o=, s=-, c=, t=0 0` plus the media sections.</summary>
    public static SdpSessionDescription Create(SdpOrigin origin, SdpConnection connection, params IEnumerable<SdpMediaDescription> media)
    {
        var sdp = new SdpSessionDescription();
        sdp.Lines.Add(new SdpLine('v', "0"));
        sdp.Lines.Add(new SdpLine('o', origin.ToString()));
        sdp.Lines.Add(new SdpLine('s', "-"));
        sdp.Lines.Add(new SdpLine('c', connection.ToString()));
        sdp.Lines.Add(new SdpLine('t', "0 0"));
        sdp.Media.AddRange(media);
        return sdp;
    }

    /// <summary>The o= line.</summary>
    public SdpOrigin? Origin
    {
        get => SdpLines.Find(Lines, 'o') is { } v && SdpOrigin.TryParse(v, out var o) ? o : null;
        set => SdpLines.Set(Lines, 'o', value?.ToString(), insertAt: 1);
    }

    /// <summary>The s= line.</summary>
    public string? SessionName => SdpLines.Find(Lines, 's');

    /// <summary>The session-level c= line.</summary>
    public SdpConnection? Connection
    {
        get => SdpLines.Find(Lines, 'c') is { } v && SdpConnection.TryParse(v, out var c) ? c : null;
        set => SdpLines.Set(Lines, 'c', value?.ToString(), insertAt: Math.Max(0, Lines.FindIndex(l => l.Type == 't')));
    }

    /// <summary>Session-level attributes.</summary>
    public IEnumerable<SdpAttribute> Attributes => SdpLines.Attributes(Lines);

    /// <summary>The session-level direction attribute, or null.</summary>
    public SdpDirection? Direction
    {
        get => SdpLines.Direction(Lines);
        set => SdpLines.SetDirection(Lines, value);
    }

    /// <summary>The direction that applies to a media section: its own, else the session's, else sendrecv.</summary>
    public SdpDirection DirectionOf(SdpMediaDescription media) => media.Direction ?? Direction ?? SdpDirection.SendRecv;

    /// <summary>The connection that applies to a media section: its own, else the session's.</summary>
    public SdpConnection? ConnectionOf(SdpMediaDescription media) => media.Connection ?? Connection;

    /// <summary>True when the sender of this description puts the media on hold (sendonly/inactive, or c=0.0.0.0 as in RFC 2543).</summary>
    public bool IsHold(SdpMediaDescription media) =>
        DirectionOf(media) is SdpDirection.SendOnly or SdpDirection.Inactive || ConnectionOf(media)?.IsNullAddress == true;

    /// <summary>The first audio section that is not rejected, or null.</summary>
    public SdpMediaDescription? Audio => Media.FirstOrDefault(m => m.Media == "audio" && !m.IsRejected);

    /// <summary>A deep copy (for building a changed re-offer).</summary>
    public SdpSessionDescription Clone()
    {
        TryParse(ToString(), out var copy, out _);
        return copy!;
    }

    /// <summary>Parses UTF-8 SDP text; false with a reason (never an exception) when malformed.</summary>
    public static bool TryParse(ReadOnlySpan<byte> body, out SdpSessionDescription? sdp, out string error) =>
        TryParse(Encoding.UTF8.GetString(body), out sdp, out error);

    /// <summary>Parses SDP text (CRLF or LF line ends).</summary>
    public static bool TryParse(string text, out SdpSessionDescription? sdp, out string error)
    {
        sdp = null;
        var result = new SdpSessionDescription();
        SdpMediaDescription? current = null;
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.EndsWith('\r') ? raw[..^1] : raw;
            if (line.Length == 0)
            {
                continue;
            }
            if (++lineNumber > MaxLines)
            {
                error = $"more than {MaxLines} lines";
                return false;
            }
            if (line.Length < 2 || line[1] != '=' || line[0] is < 'a' or > 'z')
            {
                error = $"line {lineNumber} is not `x=value`";
                return false;
            }
            var type = line[0];
            var value = line[2..];
            if (lineNumber == 1 && (type != 'v' || value != "0"))
            {
                error = "first line must be v=0";
                return false;
            }
            if (type == 'm')
            {
                if (!SdpMediaDescription.TryParse(value, out current))
                {
                    error = $"line {lineNumber}: malformed m= line";
                    return false;
                }
                result.Media.Add(current!);
                continue;
            }
            if (type == 'o' && !SdpOrigin.TryParse(value, out _))
            {
                error = $"line {lineNumber}: malformed o= line";
                return false;
            }
            if (type == 'c' && !SdpConnection.TryParse(value, out _))
            {
                error = $"line {lineNumber}: malformed c= line";
                return false;
            }
            (current?.Lines ?? result.Lines).Add(new SdpLine(type, value));
        }
        if (lineNumber == 0)
        {
            error = "empty description";
            return false;
        }
        if (result.Origin is null)
        {
            error = "missing o= line";
            return false;
        }
        sdp = result;
        error = string.Empty;
        return true;
    }

    /// <summary>The description with CRLF line ends.</summary>
    public override string ToString()
    {
        var b = new StringBuilder(256);
        foreach (var line in Lines)
        {
            b.Append(line.Type).Append('=').Append(line.Value).Append("\r\n");
        }
        foreach (var media in Media)
        {
            b.Append("m=").Append(media.MediaLineValue).Append("\r\n");
            foreach (var line in media.Lines)
            {
                b.Append(line.Type).Append('=').Append(line.Value).Append("\r\n");
            }
        }
        return b.ToString();
    }

    /// <summary>UTF-8 bytes for a message body.</summary>
    public byte[] ToBytes() => Encoding.UTF8.GetBytes(ToString());
}
