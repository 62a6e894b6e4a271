namespace Concierge.Cps.Trunk;

/// <summary>Where the CPS trunk's registration is.</summary>
public enum TrunkRegistrationState
{
    /// <summary>Not started, or stopped.</summary>
    Idle,
    /// <summary>Looking the registrar domain up (DNS SRV).</summary>
    Resolving,
    /// <summary>A REGISTER is on its way to the current target.</summary>
    Registering,
    /// <summary>Bound at the current target until the granted time runs out (refreshes keep it).</summary>
    Registered,
    /// <summary>Every target refused or did not answer; the next round starts after <see cref="TrunkRegistration.RetryDelay"/>.</summary>
    Failed,
    /// <summary>DNS found no SIP server for the domain; it is looked up again after <see cref="TrunkRegistration.RetryDelay"/>.</summary>
    NoServerFound,
}
