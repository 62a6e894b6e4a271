using Concierge.Runtime.Transports.Simulated;
using Concierge.Scenarios.Faults;
using Concierge.Scenarios.Systems;

namespace Concierge.Scenarios.Network;

/// <summary>The network-fault capability over the runtime's <see cref="SimulatedNetwork"/>.</summary>
public sealed class SimulatedNetworkFaults(SimulatedNetwork network) : INetworkFaults
{
    /// <summary>The network the faults apply to.</summary>
    public SimulatedNetwork Network { get; } = network;

    /// <inheritdoc />
    public void ApplyToEveryLink(LinkFaults faults) => Network.SetAllLinks(faults.ToLinkProfile());

    /// <inheritdoc />
    public void SetLoss(string hostA, string hostB, double percent) =>
        Network.SetLink(hostA, hostB, Network.LinkProfileOf(hostA, hostB) with { LossPercent = percent });

    /// <inheritdoc />
    public void SetDelay(string hostA, string hostB, TimeSpan delay) =>
        Network.SetLink(hostA, hostB, Network.LinkProfileOf(hostA, hostB) with { Latency = delay });

    /// <inheritdoc />
    public void Cut(string hostA, string hostB) => Network.Cut(hostA, hostB);

    /// <inheritdoc />
    public void Restore(string hostA, string hostB) => Network.Restore(hostA, hostB);
}
