using Concierge.Sip.Transport;

namespace Concierge.Sip.Registration;

/// <summary>A server to try, in failover order: its host name, the resolved end point, and the SRV priority/weight it came from.</summary>
public sealed record SipServerTarget(string Host, SipEndPoint EndPoint, int Priority = 0, int Weight = 0)
{
    /// <inheritdoc />
    public override string ToString() => $"{Host} {EndPoint} (p{Priority} w{Weight})";
}
