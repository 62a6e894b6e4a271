namespace Concierge.Scenarios.Settings;

/// <summary>What a DDI entry does with new calls when all processing channels are in use.</summary>
public enum OverloadMode
{
    /// <summary>Busy tone.</summary>
    Busy,
    /// <summary>Route to the overload destination.</summary>
    Forward,
}
