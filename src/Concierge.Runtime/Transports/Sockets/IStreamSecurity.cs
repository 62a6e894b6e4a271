using System.Net;

namespace Concierge.Runtime.Transports.Sockets;

/// <summary>
/// Wraps a connected socket's stream before any byte flows (TLS, say): the socket transport runs the same pumps over
/// whatever stream comes back. Runs off the loop; a thrown exception drops the connection.
/// </summary>
public interface IStreamSecurity
{
    /// <summary>Secures an outgoing connection to <paramref name="remote"/>.</summary>
    Task<Stream> SecureClientAsync(Stream network, IPEndPoint remote);

    /// <summary>Secures an accepted connection from <paramref name="remote"/>.</summary>
    Task<Stream> SecureServerAsync(Stream network, IPEndPoint remote);
}
