using System.Globalization;
using System.Text;

namespace Concierge.Sip.UserAgent;

/// <summary>
/// The media direction attribute of an SDP body (RFC 3264 §5.1, §8.4 hold): read it, answer it, rewrite it. Works on
/// the text so any SDP passes through untouched apart from the direction lines and the o= version.
/// </summary>
public static class SdpDirection
{
    /// <summary>Send and receive.</summary>
    public const string SendRecv = "sendrecv";
    /// <summary>Send only (the holding side offers this).</summary>
    public const string SendOnly = "sendonly";
    /// <summary>Receive only (the held side answers this).</summary>
    public const string RecvOnly = "recvonly";
    /// <summary>No media.</summary>
    public const string Inactive = "inactive";

    private static readonly string[] All = [SendRecv, SendOnly, RecvOnly, Inactive];

    /// <summary>The first direction attribute of <paramref name="sdp"/>, or sendrecv when none is written (the default).</summary>
    public static string Of(ReadOnlyMemory<byte> sdp)
    {
        // Walks the decoded text line by line as spans: no line strings, no split array (read for every re-INVITE).
        ReadOnlySpan<char> rest = Encoding.UTF8.GetString(sdp.Span);
        while (true)
        {
            var end = rest.IndexOf('\n');
            var line = (end < 0 ? rest : rest[..end]).TrimEnd('\r');
            if (line.StartsWith("a=", StringComparison.Ordinal))
            {
                var value = line[2..].Trim();
                foreach (var direction in All)
                    if (value.SequenceEqual(direction)) return direction;
            }
            if (end < 0) return SendRecv;
            rest = rest[(end + 1)..];
        }
    }

    /// <summary>The direction an answerer writes for an offered direction, given whether it holds the call itself.</summary>
    public static string Answer(string offered, bool localHold) => (offered, localHold) switch
    {
        (SendOnly, false) => RecvOnly,
        (SendOnly, true) => Inactive,
        (RecvOnly, _) => SendOnly,
        (Inactive, _) => Inactive,
        (_, true) => SendOnly,
        _ => SendRecv,
    };

    /// <summary>
    /// A copy of <paramref name="sdp"/> with every direction attribute set to <paramref name="direction"/> (added
    /// after the last line when there is none) and the o= session version raised by one.
    /// </summary>
    public static ReadOnlyMemory<byte> With(ReadOnlyMemory<byte> sdp, string direction)
    {
        if (sdp.IsEmpty) return sdp;
        var builder = new StringBuilder();
        var replaced = false;
        foreach (var line in Lines(Encoding.UTF8.GetString(sdp.Span)))
        {
            if (line.Length == 0) continue;
            if (line.StartsWith("a=", StringComparison.Ordinal) && Array.IndexOf(All, line[2..].Trim()) >= 0)
            {
                builder.Append("a=").Append(direction).Append("\r\n");
                replaced = true;
            }
            else if (line.StartsWith("o=", StringComparison.Ordinal))
            {
                builder.Append(BumpVersion(line)).Append("\r\n");
            }
            else
            {
                builder.Append(line).Append("\r\n");
            }
        }
        if (!replaced) builder.Append("a=").Append(direction).Append("\r\n");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private static string BumpVersion(string originLine)
    {
        var fields = originLine.Split(' ');
        if (fields.Length >= 3 && ulong.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            fields[2] = (version + 1).ToString(CultureInfo.InvariantCulture);
            return string.Join(' ', fields);
        }
        return originLine;
    }

    private static IEnumerable<string> Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r'));
}
