namespace Concierge.Runtime.Transports;

/// <summary>What a stream's owner is told, always on the event loop.</summary>
public interface IStreamHandler
{
    /// <summary>The connection is established (outgoing connect finished, or an incoming one was accepted).</summary>
    void OnConnected(IStreamConnection connection);

    /// <summary>Bytes arrived; they are only valid during the call, and one call may hold part of a message or several.</summary>
    void OnData(IStreamConnection connection, ReadOnlySpan<byte> data);

    /// <summary>The connection ended (closed, refused, timed out, reset or lost); called exactly once.</summary>
    void OnClosed(IStreamConnection connection, string reason);
}
