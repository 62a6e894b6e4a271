namespace Concierge.Runtime.Transports.Simulated;

/// <summary>
/// Sees every datagram and stream segment the simulated network delivers, at its arrival on the virtual clock, without
/// changing anything (no trace line, no randomness): reports such as ladder diagrams read the traffic through it.
/// </summary>
public interface IPacketObserver
{
    /// <summary><paramref name="payload"/> (valid only during the call) went from <paramref name="from"/> to <paramref name="to"/>.</summary>
    void Delivered(TimeSpan at, SimulatedHost from, SimulatedHost to, bool stream, ReadOnlySpan<byte> payload);
}
