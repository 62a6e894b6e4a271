namespace Concierge.Scenarios.Systems;

/// <summary>How a tenant's calls reach attendants.</summary>
public enum RoutingType
{
    /// <summary>CPS pushes calls to an available attendant.</summary>
    AutomaticDistribution,
    /// <summary>Attendants pick calls from the caller queue.</summary>
    PickOnly,
}
