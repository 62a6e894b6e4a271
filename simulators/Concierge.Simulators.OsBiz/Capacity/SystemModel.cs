namespace Concierge.Simulators.OsBiz.Capacity;

/// <summary>
/// How many Unify Phone users an OpenScape Business model takes (U 3.3): V2 mainboards X1 up to 50, X3/X5/X8 up to
/// 150; V3 mainboards X1W/R, X3, X5, X8 up to 150 (basic) or 500 (advanced); OpenScape Business S up to 500
/// (150 with the basic edition).
/// </summary>
public static class SystemModel
{
    private static readonly string[] V2Models = ["X1", "X3", "X5", "X8"];
    private static readonly string[] V3Models = ["X1W", "X1R", "X3", "X5", "X8"];

    /// <summary>The capacity, or null with the problem when the combination is not a model.</summary>
    public static (int? Users, string? Problem) UnifyPhoneUsers(string mainboard, string model, string edition)
    {
        var advanced = edition switch
        {
            "basic" => false,
            "standard" or "advanced" => true,
            _ => (bool?)null,
        };
        if (advanced is null) return (null, $"edition '{edition}' is not basic, standard or advanced");
        switch (mainboard)
        {
            case "V2" when V2Models.Contains(model, StringComparer.Ordinal):
                return (model == "X1" ? 50 : 150, null);
            case "V3" when V3Models.Contains(model, StringComparer.Ordinal):
                return (advanced.Value ? 500 : 150, null);
            case "S" when model == "S":
                return (advanced.Value ? 500 : 150, null);
            case "V2" or "V3" or "S":
                return (null, $"model '{model}' is not a {mainboard} model ({string.Join(", ", mainboard == "V2" ? V2Models : mainboard == "V3" ? V3Models : ["S"])})");
            default:
                return (null, $"mainboard '{mainboard}' is not V2, V3 or S");
        }
    }
}
