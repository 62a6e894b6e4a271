using System.Net;

namespace Concierge.Runtime.Transports;

/// <summary>One ordered, reliable byte stream (TCP, simulated or real).</summary>
public interface IStreamConnection
{
    /// <summary>This side's address.</summary>
    IPEndPoint LocalEndPoint { get; }

    /// <summary>The peer's address.</summary>
    IPEndPoint RemoteEndPoint { get; }

    /// <summary>True from connected until closed by either side or lost.</summary>
    bool IsOpen { get; }

    /// <summary>Queues bytes for the peer, in order; copied before the call returns. Ignored once closed.</summary>
    void Send(ReadOnlySpan<byte> data);

    /// <summary>Closes the connection; the handler's OnClosed is called once with <paramref name="reason"/>.</summary>
    void Close(string reason = "closed locally");
}
