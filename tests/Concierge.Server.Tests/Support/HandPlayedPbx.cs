using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Concierge.Server.Tests.Support;

/// <summary>
/// The lines a test writes when it plays the PBX on one UDP socket: the INVITE of a public caller (+493011100001) to
/// the main pilot, in-dialog requests of that call, a bounded receive, and readers of the CPS's answers.
/// </summary>
internal static partial class HandPlayedPbx
{
    /// <summary>The caller's From tag.</summary>
    public const string FromTag = "pbx1";

    /// <summary>The INVITE to the main pilot with <paramref name="sdp"/>.</summary>
    public static string Invite(IPEndPoint cps, IPEndPoint pbx, string callId, string sdp) =>
        $"INVITE sip:+4950505803201@{cps} SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP {pbx};branch=z9hG4bK-invite1\r\n" +
        "Max-Forwards: 70\r\n" +
        $"From: <sip:+493011100001@{pbx.Address}>;tag={FromTag}\r\n" +
        $"To: <sip:+4950505803201@{cps.Address}>\r\n" +
        $"Call-ID: {callId}\r\n" +
        "CSeq: 1 INVITE\r\n" +
        $"Contact: <sip:+493011100001@{pbx}>\r\n" +
        "Content-Type: application/sdp\r\n" +
        $"Content-Length: {sdp.Length}\r\n\r\n" + sdp;

    /// <summary>A request of that call's dialog (ACK, BYE) to <paramref name="target"/>.</summary>
    public static string InDialog(string method, string target, string toTag, int cseq, IPEndPoint pbx, string branch, string callId) =>
        $"{method} {target} SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP {pbx};branch=z9hG4bK-{branch}\r\n" +
        "Max-Forwards: 70\r\n" +
        $"From: <sip:+493011100001@{pbx.Address}>;tag={FromTag}\r\n" +
        $"To: <sip:+4950505803201@{pbx.Address}>;tag={toTag}\r\n" +
        $"Call-ID: {callId}\r\n" +
        $"CSeq: {cseq} {method}\r\n" +
        "Content-Length: 0\r\n\r\n";

    /// <summary>The first datagram <paramref name="wanted"/> accepts among the next 100, within <paramref name="bound"/>.</summary>
    public static async Task<(string Text, IPEndPoint From)> Receive(UdpClient socket, Func<string, bool> wanted, TimeSpan bound)
    {
        using var timeout = new CancellationTokenSource(bound);
        for (var guard = 0; guard < 100; guard++)
        {
            var datagram = await socket.ReceiveAsync(timeout.Token);
            var text = Encoding.ASCII.GetString(datagram.Buffer);
            if (wanted(text)) return (text, datagram.RemoteEndPoint);
        }
        throw new InvalidOperationException("no wanted datagram among 100");
    }

    [GeneratedRegex(@"^SIP/2\.0 [2-6]\d\d [^\r]*\r\n(?:[^\r]*\r\n)*?CSeq: 1 INVITE", RegexOptions.IgnoreCase)]
    public static partial Regex FinalInviteResponse();

    [GeneratedRegex(@"\r\nTo:[^\r]*;tag=([^;\r>]+)", RegexOptions.IgnoreCase)]
    public static partial Regex ToTag();

    [GeneratedRegex(@"\r\n(?:Contact|m):\s*<([^>]+)>", RegexOptions.IgnoreCase)]
    public static partial Regex Contact();
}
