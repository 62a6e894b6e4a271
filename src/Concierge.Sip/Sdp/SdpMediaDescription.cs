using System.Globalization;

namespace Concierge.Sip.Sdp;

/// <summary>One m= section: media, port, protocol, formats and the lines that follow it (c=, b=, a= ...), in order.</summary>
public sealed class SdpMediaDescription
{
    /// <summary>Creates a media section.</summary>
    public SdpMediaDescription(string media, int port, string protocol, IEnumerable<string> formats)
    {
        Media = media;
        Port = port;
        Protocol = protocol;
        Formats = [.. formats];
    }

    /// <summary>Media type: audio, video, application ...</summary>
    public string Media { get; set; }

    /// <summary>Transport port; 0 rejects or disables the stream (RFC 3264 §6).</summary>
    public int Port { get; set; }

    /// <summary>Number of ports after `/`, when given.</summary>
    public int? PortCount { get; set; }

    /// <summary>Transport protocol, e.g. RTP/AVP.</summary>
    public string Protocol { get; set; }

    /// <summary>Format list (payload type numbers for RTP).</summary>
    public List<string> Formats { get; }

    /// <summary>Lines after the m= line, in order.</summary>
    public List<SdpLine> Lines { get; } = [];

    /// <summary>The media-level c= line, or null.</summary>
    public SdpConnection? Connection
    {
        get => SdpLines.Find(Lines, 'c') is { } v && SdpConnection.TryParse(v, out var c) ? c : null;
        set => SdpLines.Set(Lines, 'c', value?.ToString(), insertAt: 0);
    }

    /// <summary>Attributes (a= lines) as name and optional value.</summary>
    public IEnumerable<SdpAttribute> Attributes => SdpLines.Attributes(Lines);

    /// <summary>The value of the first attribute with this name; null when absent or a flag.</summary>
    public string? Attribute(string name) => Attributes.FirstOrDefault(a => a.Name == name)?.Value;

    /// <summary>The direction attribute, or null when none is present (then the session level or sendrecv applies).</summary>
    public SdpDirection? Direction
    {
        get => SdpLines.Direction(Lines);
        set => SdpLines.SetDirection(Lines, value);
    }

    /// <summary>True when the stream is rejected or disabled (port 0).</summary>
    public bool IsRejected => Port == 0;

    /// <summary>Payload formats resolved through rtpmap/fmtp (static types without rtpmap included), in m= order.</summary>
    public IReadOnlyList<SdpCodec> Codecs
    {
        get
        {
            var maps = new Dictionary<int, SdpCodec>();
            var fmtp = new Dictionary<int, string>();
            foreach (var a in Attributes)
            {
                if (a.Value is null)
                {
                    continue;
                }
                var space = a.Value.IndexOf(' ');
                if (space <= 0 || !int.TryParse(a.Value.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out var pt))
                {
                    continue;
                }
                var rest = a.Value[(space + 1)..].Trim();
                if (a.Name == "rtpmap")
                {
                    var parts = rest.Split('/');
                    if (parts.Length >= 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var rate))
                    {
                        int? channels = parts.Length > 2 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ch) ? ch : null;
                        maps.TryAdd(pt, new SdpCodec(pt, parts[0], rate, channels));
                    }
                }
                else if (a.Name == "fmtp")
                {
                    fmtp.TryAdd(pt, rest);
                }
            }
            var codecs = new List<SdpCodec>();
            foreach (var format in Formats)
            {
                if (!int.TryParse(format, NumberStyles.None, CultureInfo.InvariantCulture, out var pt))
                {
                    continue;
                }
                var codec = maps.GetValueOrDefault(pt) ?? SdpCodec.Static(pt);
                if (codec is not null)
                {
                    codecs.Add(fmtp.TryGetValue(pt, out var p) ? codec with { FormatParameters = p } : codec);
                }
            }
            return codecs;
        }
    }

    /// <summary>Creates an RTP/AVP audio section offering these codecs (rtpmap and fmtp lines added).</summary>
    public static SdpMediaDescription Audio(int port, IEnumerable<SdpCodec> codecs, SdpDirection direction = SdpDirection.SendRecv, int? packetTimeMs = 20)
    {
        var list = codecs.ToList();
        var media = new SdpMediaDescription("audio", port, "RTP/AVP", list.Select(c => c.PayloadType.ToString(CultureInfo.InvariantCulture)));
        foreach (var codec in list)
        {
            media.Lines.Add(new SdpLine('a', "rtpmap:" + codec.RtpMap));
            if (codec.FormatParameters is not null)
            {
                media.Lines.Add(new SdpLine('a', $"fmtp:{codec.PayloadType} {codec.FormatParameters}"));
            }
        }
        if (packetTimeMs is { } ptime)
        {
            media.Lines.Add(new SdpLine('a', "ptime:" + ptime.ToString(CultureInfo.InvariantCulture)));
        }
        media.Lines.Add(new SdpLine('a', direction.AttributeName()));
        return media;
    }

    /// <summary>The m= value.</summary>
    public string MediaLineValue =>
        string.Create(CultureInfo.InvariantCulture, $"{Media} {Port}{(PortCount is { } n ? "/" + n : "")} {Protocol} {string.Join(' ', Formats)}");

    /// <summary>Parses the value of an m= line.</summary>
    public static bool TryParse(string value, out SdpMediaDescription? media)
    {
        media = null;
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 4)
        {
            return false;
        }
        var portText = parts[1];
        int? count = null;
        var slash = portText.IndexOf('/');
        if (slash >= 0)
        {
            if (!int.TryParse(portText.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var c))
            {
                return false;
            }
            count = c;
            portText = portText[..slash];
        }
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            return false;
        }
        media = new SdpMediaDescription(parts[0], port, parts[2], parts.Skip(3)) { PortCount = count };
        return true;
    }
}
