namespace Concierge.Scenarios.Systems;

/// <summary>
/// Unify Phone clients used as attendant devices on an OSV (C 4.3.5): what the user does in the Unify Phone itself,
/// outside Concierge. A system that has them implements this next to <see cref="IScenarioSystem"/>.
/// </summary>
public interface IUnifyPhoneClients
{
    /// <summary>The user sets Available / Unavailable in the Unify Phone of ONS <paramref name="ons"/> (full number).</summary>
    void SetClientAvailable(string ons, bool available);

    /// <summary>The user puts the call of the Unify Phone of ONS <paramref name="ons"/> on hold in the Unify Phone itself.</summary>
    void HoldInClient(string ons);

    /// <summary>The user takes the held call back in the Unify Phone itself.</summary>
    void RetrieveInClient(string ons);
}
