using System.Globalization;
using System.Net;
using System.Text;

namespace Concierge.Simulators.Phones.Sip;

/// <summary>The minimal audio SDP the simulated agents exchange: one connection address and one audio port.</summary>
public static class SimpleSdp
{
    /// <summary>An audio offer/answer for <paramref name="rtp"/> (PCMA and PCMU).</summary>
    public static string For(IPEndPoint rtp, string sessionName = "sim", string direction = "sendrecv")
    {
        var address = rtp.Address.ToString();
        return string.Create(CultureInfo.InvariantCulture,
            $"v=0\r\no=- 1 1 IN IP4 {address}\r\ns={sessionName}\r\nc=IN IP4 {address}\r\nt=0 0\r\nm=audio {rtp.Port} RTP/AVP 8 0\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:0 PCMU/8000\r\na={direction}\r\n");
    }

    /// <summary>The RTP end point an SDP body names (c= and m=audio), or null when it names none.</summary>
    public static IPEndPoint? RtpEndPoint(string? sdp)
    {
        if (string.IsNullOrEmpty(sdp)) return null;
        IPAddress? address = null;
        int? port = null;
        foreach (var range in sdp.AsSpan().Split('\n'))
        {
            var line = sdp.AsSpan(range).TrimEnd('\r');
            if (line.StartsWith("c=IN IP4 ", StringComparison.Ordinal))
            {
                if (address is null && IPAddress.TryParse(line[9..].Trim(), out var a)) address = a;
            }
            else if (line.StartsWith("m=audio ", StringComparison.Ordinal))
            {
                var rest = line[8..];
                var space = rest.IndexOf(' ');
                var portText = space < 0 ? rest : rest[..space];
                if (int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var p)) port = p;
            }
        }
        return address is null || port is null || address.Equals(IPAddress.Any) ? null : new IPEndPoint(address, port.Value);
    }

    /// <summary>The body of a message as text (SDP is ASCII).</summary>
    public static string? BodyText(ReadOnlyMemory<byte> body) => body.IsEmpty ? null : Encoding.UTF8.GetString(body.Span);
}
