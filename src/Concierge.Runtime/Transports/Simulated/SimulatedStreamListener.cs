using System.Net;

namespace Concierge.Runtime.Transports.Simulated;

/// <summary>A listening TCP port on a simulated host.</summary>
internal sealed class SimulatedStreamListener(SimulatedHost host, IPEndPoint localEndPoint, StreamAcceptor acceptor) : IStreamListener
{
    public IPEndPoint LocalEndPoint { get; } = localEndPoint;

    public StreamAcceptor Acceptor { get; } = acceptor;

    public void Dispose() => host.StopListening(this);
}
