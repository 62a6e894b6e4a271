using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Concierge.Interop.Tests.Support;

/// <summary>One SIP request over UDP from the test and its first response (to see that a peer listens).</summary>
internal static class SipProbe
{
    /// <summary>Sends OPTIONS to 127.0.0.1:<paramref name="port"/> until a response arrives; false after <paramref name="limit"/>.</summary>
    public static async Task<bool> AnswersOptionsAsync(int port, TimeSpan limit)
    {
        using var socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var local = (IPEndPoint)socket.Client.LocalEndPoint!;
        var deadline = DateTime.UtcNow + limit;
        for (var attempt = 1; DateTime.UtcNow < deadline; attempt++)
        {
            var request = $"OPTIONS sip:127.0.0.1:{port} SIP/2.0\r\n" +
                          $"Via: SIP/2.0/UDP {local};branch=z9hG4bK-probe{attempt}\r\n" +
                          "Max-Forwards: 70\r\n" +
                          $"From: <sip:probe@{local}>;tag=probe\r\n" +
                          $"To: <sip:127.0.0.1:{port}>\r\n" +
                          $"Call-ID: probe-{Environment.ProcessId}-{port}@127.0.0.1\r\n" +
                          $"CSeq: {attempt} OPTIONS\r\n" +
                          "Content-Length: 0\r\n\r\n";
            await socket.SendAsync(Encoding.ASCII.GetBytes(request), new IPEndPoint(IPAddress.Loopback, port));
            using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            try
            {
                var answer = await socket.ReceiveAsync(wait.Token);
                if (Encoding.ASCII.GetString(answer.Buffer).StartsWith("SIP/2.0 ", StringComparison.Ordinal)) return true;
            }
            catch (OperationCanceledException)
            {
                // not listening yet
            }
            catch (SocketException)
            {
                // port unreachable: not listening yet
                await Task.Delay(100);
            }
        }
        return false;
    }
}
