using System.Net;
using System.Net.Sockets;

namespace Concierge.Interop.Tests.Support;

/// <summary>Ports on 127.0.0.1 that were free a moment ago (the OS's ephemeral choice, so parallel runs rarely meet).</summary>
internal static class LoopbackPorts
{
    /// <summary>A port free for UDP.</summary>
    public static int Udp()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>A port free for both TCP and UDP (the server listens for SIP on both).</summary>
    public static int TcpAndUdp()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var tcp = new TcpListener(IPAddress.Loopback, 0);
            tcp.Start();
            var port = ((IPEndPoint)tcp.LocalEndpoint).Port;
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                udp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
                // taken for UDP: try another
            }
        }
        throw new InvalidOperationException("no port free for both TCP and UDP on 127.0.0.1");
    }

    /// <summary>A port free for TCP (HTTP).</summary>
    public static int Tcp()
    {
        using var tcp = new TcpListener(IPAddress.Loopback, 0);
        tcp.Start();
        return ((IPEndPoint)tcp.LocalEndpoint).Port;
    }
}
