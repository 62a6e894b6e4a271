namespace Concierge.Config.Model;

/// <summary>What a new call to a DDI entry gets while every processing channel is in use (C 6.3.1.3, 8.4).</summary>
public enum OverloadAction
{
    /// <summary>The caller hears busy tone.</summary>
    Busy,

    /// <summary>The call is routed to the overload destination.</summary>
    Forward,
}
