using Concierge.Cps.Calls;

namespace Concierge.Scenarios.Systems;

/// <summary>How the CPS typed a call (C 4.3.4) and, for an intercept call, the full number of the office user it was meant for.</summary>
public sealed record CallTypeView(CallType Type, string? MeantFor)
{
    /// <summary>A short description for failure messages.</summary>
    public string Describe() => Type == CallType.Intercept
        ? "an intercept call" + (MeantFor is { } user ? $" meant for {user}" : " meant for nobody known")
        : $"a {Type.ToString().ToLowerInvariant()} call";
}
