namespace Concierge.Config.Model;

/// <summary>How a tenant's caller queue is served (C 8.3.2).</summary>
public enum RoutingType
{
    /// <summary>The CPS pushes each call to an available attendant (simple ACD). The default.</summary>
    AutomaticDistribution,

    /// <summary>Attendants pick calls from the caller queue themselves.</summary>
    PickOnly,
}
