namespace Concierge.Scenarios.Systems;

/// <summary>Main and standby Concierge servers (topology `osv-standby`).</summary>
public interface IServerRedundancy
{
    /// <summary>The main server goes down.</summary>
    void FailMainServer();

    /// <summary>The operator's manual switch back to the primary server.</summary>
    void SwitchBackToPrimary();

    /// <summary>True when the standby CPS has taken over.</summary>
    bool StandbyActive { get; }

    /// <summary>The host name of the server whose CPS is active.</summary>
    string ActiveServer { get; }

    /// <summary>One process of the main Concierge server fails (C 2.3.1): a trigger switches over, the CPS alone hands its calls to the standby's CPS, any other only loses its function.</summary>
    void FailProcessOnMainServer(string process) => throw new World.PendingStepException("needs server processes in this standby simulator");

    /// <summary>What the Concierge servers cannot do now: functions of failed processes, and those that do not run while the secondary server is active.</summary>
    IReadOnlyList<string> FeaturesUnavailable => [];
}
