namespace Concierge.Simulators.OsBiz.Routing;

/// <summary>The call routing modes a Unify Phone user chooses in the client (U 3.6.3, 3.6.4).</summary>
public enum RoutingMode
{
    /// <summary>Ring all Unify Phone clients and the desk phone; on no answer the alternative number (standalone, MULAP).</summary>
    Default,
    /// <summary>Incoming calls go to the desk phone only (MULAP only).</summary>
    DeskPhone,
    /// <summary>Incoming calls go to the Unify Phone only (MULAP only).</summary>
    UnifyPhone,
    /// <summary>Incoming calls go to the alternative number only (standalone, MULAP).</summary>
    AlternativeNumber,
}

/// <summary>The modes' names as the client shows them.</summary>
public static class RoutingModes
{
    /// <summary>The mode named <paramref name="text"/> (Default | Desk phone | Unify Phone | Alternative number), or null.</summary>
    public static RoutingMode? Parse(string text) => text switch
    {
        "Default" => RoutingMode.Default,
        "Desk phone" => RoutingMode.DeskPhone,
        "Unify Phone" => RoutingMode.UnifyPhone,
        "Alternative number" => RoutingMode.AlternativeNumber,
        _ => null,
    };

    /// <summary>The client's name of the mode.</summary>
    public static string Text(this RoutingMode mode) => mode switch
    {
        RoutingMode.Default => "Default",
        RoutingMode.DeskPhone => "Desk phone",
        RoutingMode.UnifyPhone => "Unify Phone",
        _ => "Alternative number",
    };

    /// <summary>True when the mode is available to a user that is (or is not) in a MULAP team.</summary>
    public static bool IsAvailable(this RoutingMode mode, bool inTeam) => inTeam || mode is RoutingMode.Default or RoutingMode.AlternativeNumber;
}
