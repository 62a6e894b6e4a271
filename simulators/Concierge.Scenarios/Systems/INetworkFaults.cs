using Concierge.Scenarios.Faults;

namespace Concierge.Scenarios.Systems;

/// <summary>Faults on the simulated network between two hosts of the topology.</summary>
public interface INetworkFaults
{
    /// <summary>Applies a fault profile to every link.</summary>
    void ApplyToEveryLink(LinkFaults faults);

    /// <summary>Packets between the two hosts are lost with <paramref name="percent"/> probability.</summary>
    void SetLoss(string hostA, string hostB, double percent);

    /// <summary>Packets between the two hosts are delayed.</summary>
    void SetDelay(string hostA, string hostB, TimeSpan delay);

    /// <summary>Nothing passes between the two hosts.</summary>
    void Cut(string hostA, string hostB);

    /// <summary>The link between the two hosts works again.</summary>
    void Restore(string hostA, string hostB);
}
